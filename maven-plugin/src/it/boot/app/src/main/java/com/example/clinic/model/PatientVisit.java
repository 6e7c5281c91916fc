package com.example.clinic.model;

import com.example.money.CentsConverter;
import com.example.money.Money;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(indexes = @Index(columnList = "visitedAt"))
public class PatientVisit {

    @Id
    @GeneratedValue
    private Long id;

    private String patientName;

    private Instant visitedAt;

    @Convert(converter = CentsConverter.class)
    private Money amountDue;
}
