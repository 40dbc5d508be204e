package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tether.it.app.admin.TestUsers;
import dev.tether.it.support.Client;
import dev.tether.it.support.Wars;

/**
 * Tether's admin resource, registered by the application and guarded by the role it names: 401 without a login, 403
 * without the role, and with it the operator lists, looks at and ends sessions, never seeing an ID or a bean's
 * contents.
 */
@ExtendWith(ArquillianExtension.class)
class SessionAdminIT {

    private static final String ADMIN = "api/admin/sessions";
    private static final Pattern HANDLE = Pattern.compile("\"handle\":\"([^\"]+)\"");
    private static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.appWithSessionAdmin("session-admin");
    }

    @ArquillianResource
    URL base;

    /** A user of its own per test: the test server's database outlives single runs. */
    private final String user = "erin-" + UUID.randomUUID();
    /** What the user's sessions store: no answer of the admin resource may contain it. */
    private final String secret = "secret-note-" + UUID.randomUUID();
    /** The session IDs the users' clients hold: no answer of the admin resource may contain one. */
    private final List<String> ids = new ArrayList<>();

    private Client userSession() {
        Client client = new Client(base);
        client.post("api/notes?item=" + secret);
        client.post("api/account/login?user=" + user);
        ids.add(client.cookie("SESSION_ID").orElseThrow());
        return client;
    }

    private static String[] as(String user) {
        String credentials = user + ":" + TestUsers.PASSWORD;
        return new String[] {"Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))};
    }

    private static List<String> handles(String body) {
        List<String> found = new ArrayList<>();
        Matcher matcher = HANDLE.matcher(body);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** The answer, once checked to hold no session ID and nothing a session stores. */
    private HttpResponse<String> revealingNothing(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain(secret);
        ids.forEach(id -> assertThat(response.body()).doesNotContain(id));
        return response;
    }

    private List<String> sessionsOfUser(Client operator) {
        HttpResponse<String> listed = revealingNothing(
                operator.get(ADMIN + "?principal=" + user, as(TestUsers.OPERATOR)));
        assertThat(listed.statusCode()).isEqualTo(200);
        return handles(listed.body());
    }

    @Test
    void withoutALoginEveryCallIsRefusedWith401() {
        userSession();
        Client anonymous = new Client(base);
        String handle = sessionsOfUser(new Client(base)).get(0);

        assertThat(revealingNothing(anonymous.get(ADMIN)).statusCode()).isEqualTo(401);
        assertThat(revealingNothing(anonymous.get(ADMIN + "?principal=" + user)).statusCode()).isEqualTo(401);
        assertThat(revealingNothing(anonymous.get(ADMIN + "?handle=" + handle)).statusCode()).isEqualTo(401);
        assertThat(revealingNothing(anonymous.delete(ADMIN + "?handle=" + handle)).statusCode()).isEqualTo(401);
        assertThat(revealingNothing(anonymous.delete(ADMIN + "?principal=" + user)).statusCode()).isEqualTo(401);
        assertThat(sessionsOfUser(new Client(base))).containsExactly(handle);
    }

    @Test
    void aCallerWithoutTheRoleIsRefusedWith403() {
        Client session = userSession();
        Client clerk = new Client(base);
        String handle = sessionsOfUser(new Client(base)).get(0);

        assertThat(revealingNothing(clerk.get(ADMIN, as(TestUsers.CLERK))).statusCode()).isEqualTo(403);
        assertThat(revealingNothing(clerk.get(ADMIN + "?principal=" + user, as(TestUsers.CLERK))).statusCode())
                .isEqualTo(403);
        assertThat(revealingNothing(clerk.get(ADMIN + "?handle=" + handle, as(TestUsers.CLERK))).statusCode())
                .isEqualTo(403);
        assertThat(revealingNothing(clerk.delete(ADMIN + "?handle=" + handle, as(TestUsers.CLERK))).statusCode())
                .isEqualTo(403);
        assertThat(revealingNothing(clerk.delete(ADMIN + "?principal=" + user, as(TestUsers.CLERK))).statusCode())
                .isEqualTo(403);
        assertThat(session.get("api/notes").body()).contains(secret);
    }

    @Test
    void theOperatorListsAPrincipalsSessionsAndLooksAtOneWithItsBeanKeysAndSizes() {
        userSession();
        userSession();
        Client operator = new Client(base);

        List<String> listed = sessionsOfUser(operator);
        HttpResponse<String> one = revealingNothing(
                operator.get(ADMIN + "?handle=" + listed.get(0), as(TestUsers.OPERATOR)));

        assertThat(listed).hasSize(2).doesNotHaveDuplicates();
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("\"principal\":\"" + user + "\"", "dev.tether.it.app.Notes",
                "\"storedBytes\":");
        assertThat(operator.cookie("SESSION_ID")).isEmpty();
    }

    @Test
    void theOperatorPagesThroughAllSessionsMeetingEachOnce() {
        userSession();
        userSession();
        userSession();
        Client operator = new Client(base);

        List<String> all = new ArrayList<>();
        String page = revealingNothing(operator.get(ADMIN + "?limit=2", as(TestUsers.OPERATOR))).body();
        all.addAll(handles(page));
        for (Matcher next = NEXT.matcher(page); next.find(); next = NEXT.matcher(page)) {
            HttpResponse<String> following = revealingNothing(
                    operator.get(ADMIN + "?limit=2&after=" + next.group(1), as(TestUsers.OPERATOR)));
            assertThat(following.statusCode()).isEqualTo(200);
            page = following.body();
            assertThat(handles(page)).hasSizeLessThanOrEqualTo(2);
            all.addAll(handles(page));
        }

        assertThat(all).doesNotHaveDuplicates().containsAll(sessionsOfUser(operator));
    }

    @Test
    void noCallEndsAllSessions() {
        Client session = userSession();
        Client operator = new Client(base);

        HttpResponse<String> refused = revealingNothing(operator.delete(ADMIN, as(TestUsers.OPERATOR)));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(session.get("api/notes").body()).contains(secret);
    }

    @Test
    void theOperatorEndsOneSessionByItsHandleAndThenAllOfThePrincipals() {
        Client laptop = userSession();
        Client phone = userSession();
        Client operator = new Client(base);
        String phoneHandle = sessionsOfUser(operator).get(1);

        HttpResponse<String> ended = revealingNothing(operator.delete(ADMIN + "?handle=" + phoneHandle,
                as(TestUsers.OPERATOR)));
        HttpResponse<String> again = revealingNothing(operator.delete(ADMIN + "?handle=" + phoneHandle,
                as(TestUsers.OPERATOR)));

        assertThat(ended.statusCode()).isEqualTo(204);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(revealingNothing(operator.get(ADMIN + "?handle=" + phoneHandle, as(TestUsers.OPERATOR)))
                .statusCode()).isEqualTo(404);
        assertThat(phone.get("api/notes").body()).isEqualTo("[]");
        assertThat(laptop.get("api/notes").body()).contains(secret);

        HttpResponse<String> endedAll = revealingNothing(operator.delete(ADMIN + "?principal=" + user,
                as(TestUsers.OPERATOR)));

        assertThat(endedAll.statusCode()).isEqualTo(200);
        assertThat(endedAll.body()).isEqualTo("{\"ended\":1}");
        assertThat(laptop.get("api/notes").body()).isEqualTo("[]");
        assertThat(sessionsOfUser(operator)).isEmpty();
    }
}
