package dev.tether.it.app.admin;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * The test application's users, with HTTP Basic: Jakarta Security in the WAR itself, the same on every server
 * (WildFly's test servers have {@code integrated-jaspi} off, so the groups are the roles). An operator with the
 * admin role and a clerk without it.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "tether-it")
public class TestUsers implements IdentityStore {

    public static final String ADMIN_ROLE = "session-admin";
    public static final String OTHER_ROLE = "clerk";

    public static final String OPERATOR = "operator";
    public static final String CLERK = "clerk";
    public static final String PASSWORD = "secret-of-the-tests";

    private static final Map<String, Set<String>> GROUPS = Map.of(OPERATOR, Set.of(ADMIN_ROLE), CLERK,
            Set.of(OTHER_ROLE));

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login && GROUPS.containsKey(login.getCaller())
                && login.compareTo(login.getCaller(), PASSWORD)) {
            return new CredentialValidationResult(login.getCaller(), GROUPS.get(login.getCaller()));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
