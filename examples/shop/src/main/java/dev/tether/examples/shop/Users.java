package dev.tether.examples.shop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/** The demo's two accounts. A real shop asks its identity store; the session part stays the same. */
@ApplicationScoped
public class Users {

    private static final Map<String, String> PASSWORDS = Map.of("alice", "wonderland", "bob", "builder");

    public boolean check(String user, String password) {
        String expected = user == null ? null : PASSWORDS.get(user);
        // compared in constant time, so the response time does not hint at how much of a guess was right
        return expected != null && password != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
    }
}
