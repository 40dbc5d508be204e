package dev.tether.examples.shop;

import java.io.Serializable;

import dev.tether.PersistentSessionScoped;
import dev.tether.StoreAs;

/**
 * How the visitor likes the shop shown. Stored as JSON rather than Java serialization: readable in the
 * database and tolerant of fields added in a later version, which suits plain settings.
 */
@PersistentSessionScoped
@StoreAs(StoreAs.Format.JSONB)
public class Preferences implements Serializable {

    private DisplayCurrency currency = DisplayCurrency.EUR;
    private String theme = "light";

    public DisplayCurrency getCurrency() {
        return currency;
    }

    public void setCurrency(DisplayCurrency currency) {
        this.currency = currency;
    }

    public String getTheme() {
        return theme;
    }

    public void setTheme(String theme) {
        this.theme = theme;
    }
}
