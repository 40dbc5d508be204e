package dev.tether.examples.shop;

import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;

/** {@code /api/preferences}: the visitor's currency and theme. A {@code PUT} changes only what it names. */
@Path("preferences")
@Produces(MediaType.APPLICATION_JSON)
public class PreferencesResource {

    private static final List<String> THEMES = List.of("light", "dark");

    /** Preferences as the API shows and takes them; in a {@code PUT}, a missing field stays as it is. */
    public record PreferencesView(String currency, String theme) {
    }

    @Inject
    Preferences preferences;

    @GET
    public PreferencesView show() {
        return new PreferencesView(preferences.getCurrency().name(), preferences.getTheme());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public PreferencesView change(PreferencesView change) {
        if (change == null) {
            throw ApiError.of(Status.BAD_REQUEST, "send {\"currency\": ..., \"theme\": ...}");
        }
        if (change.theme() != null && !THEMES.contains(change.theme())) {
            throw ApiError.of(Status.BAD_REQUEST, "theme must be one of " + THEMES);
        }
        if (change.currency() != null) {
            preferences.setCurrency(DisplayCurrency.named(change.currency()).orElseThrow(() -> ApiError.of(
                    Status.BAD_REQUEST, "currency must be one of " + Arrays.toString(DisplayCurrency.values()))));
        }
        if (change.theme() != null) {
            preferences.setTheme(change.theme());
        }
        return show();
    }
}
