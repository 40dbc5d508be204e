package dev.tether.examples.shop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Optional;

/** The currencies prices can be shown in. The rates are fixed: this is a demo, not a bank. */
public enum DisplayCurrency {
    EUR("1"),
    USD("1.10"),
    GBP("0.85");

    private final BigDecimal perEuro;

    DisplayCurrency(String perEuro) {
        this.perEuro = new BigDecimal(perEuro);
    }

    public static Optional<DisplayCurrency> named(String code) {
        return Arrays.stream(values()).filter(currency -> currency.name().equals(code)).findFirst();
    }

    /** {@code 450} euro cents as {@code "4.50 EUR"}, {@code "4.95 USD"} ... */
    public String format(long euroCents) {
        BigDecimal amount = BigDecimal.valueOf(euroCents, 2).multiply(perEuro).setScale(2, RoundingMode.HALF_EVEN);
        return amount.toPlainString() + " " + name();
    }
}
