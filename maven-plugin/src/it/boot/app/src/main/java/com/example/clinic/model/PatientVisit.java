package com.example.clinic.model;

import com.example.money.CentsConverter;
import com.example.money.Money;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

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

    /** Hibernate 7.4 keys this table with a unique constraint that 7.2, Boot 4.0's, does not write. */
    @ElementCollection
    private Set<String> allergies = new HashSet<>();
}
