package dev.tether.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;

import jakarta.inject.Inject;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.context.SessionUnits;
import dev.tether.fixtures.Counter;
import dev.tether.fixtures.jsonb.Couple;
import dev.tether.support.EverythingLogged;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;

/**
 * A request whose JSON-B bean holds a back-reference: the client gets a 500 whose body names no class and no cause,
 * the log has the clear reason once, and nothing of the request is stored (the write is all or nothing).
 */
@EnableWeld
class UnwritableBeanResponseTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans(Couple.class);

    @Inject
    Units units;
    @Inject
    SessionUnits sessionUnits;
    @Inject
    Couple couple;
    @Inject
    Counter counter;

    private final AtomicInteger status = new AtomicInteger(200);
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    @Test
    void aBackReferenceIsA500WithoutDetailLoggedOnceAndNothingOfTheRequestIsStored() {
        String id = units.run(null, () -> {
            counter.increment();
            couple.meet("ada", "bob");
        }).idToSend().orElseThrow();

        try (EverythingLogged log = EverythingLogged.during()) {
            HttpServletRequest request = RequestStub.withCookie("SESSION_ID=" + id, null);
            RequestUnit unit = RequestUnit.open(sessionUnits, new SessionIdTransport(sessionUnits.settings().cookie(),
                    Optional.empty()), request);
            try {
                counter.increment();
                couple.marry("cy", "di");
                new WriteBackResponse(response(), unit).writeBackNow();
            } finally {
                unit.unbindFromThread();
            }

            assertThat(status.get()).isEqualTo(500);
            String sent = body.toString(StandardCharsets.UTF_8);
            assertThat(sent).contains("\"incident\"").doesNotContain("Couple").doesNotContain("back-reference");
            List<EverythingLogged.Line> logged = log.atOrAbove(Level.WARNING);
            assertThat(logged).singleElement().satisfies(line -> assertThat(line.text())
                    .contains("back-reference").contains(Couple.class.getName()));
        }
        assertThat(units.run(id, () -> counter.value() + " " + couple.names()).value()).isEqualTo("1 ada+bob");
    }

    private HttpServletResponse response() {
        ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isCommitted" -> false;
                    case "getStatus" -> status.get();
                    case "setStatus" -> {
                        status.set((Integer) args[0]);
                        yield null;
                    }
                    case "getOutputStream" -> stream;
                    case "getHeaders" -> List.of();
                    case "reset", "setContentType", "setContentLength", "flushBuffer", "addHeader", "setHeader" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
