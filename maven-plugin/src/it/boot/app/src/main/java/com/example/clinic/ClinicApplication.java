package com.example.clinic;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ClinicApplication {

    public static void main(String[] args) {
        var context = SpringApplication.run(ClinicApplication.class, args);
        if (Boolean.getBoolean("clinic.exit")) { // the test starts it only to have Hibernate create its schema
            context.close();
        }
    }
}
