package com.example.money;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class CentsConverter implements AttributeConverter<Money, Long> {

    @Override
    public Long convertToDatabaseColumn(Money money) {
        return money == null ? null : money.cents();
    }

    @Override
    public Money convertToEntityAttribute(Long cents) {
        return cents == null ? null : new Money(cents);
    }
}
