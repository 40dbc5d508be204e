package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tether.it.support.Client;
import dev.tether.it.support.Wars;

/**
 * Persistent beans with interceptors and decorators, everyday Jakarta EE (auditing, metrics, transactions): the
 * bean keeps its state from request to request, and its interceptor or decorator still runs on every call.
 */
@ExtendWith(ArquillianExtension.class)
class InterceptedBeansIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.appWithInterceptedBeans("intercepted");
    }

    @ArquillianResource
    URL base;

    @Test
    void aBeanWithAnInterceptorBindingCountsOneTwoThreeOverThreeRequests() {
        Client browser = new Client(base);

        List<String> answers = threeIncrements(browser, "api/counters/intercepted");

        assertThat(answers).containsExactly("1", "2", "3");
    }

    @Test
    void theInterceptorRunsOnEveryCallOfThePersistentBean() {
        Client browser = new Client(base);
        int before = callsOf("api/counters/intercepted/calls");

        List<Integer> interceptorCounts = new ArrayList<>();
        for (int call = 0; call < 3; call++) {
            browser.post("api/counters/intercepted");
            interceptorCounts.add(callsOf("api/counters/intercepted/calls"));
        }

        assertThat(interceptorCounts).containsExactly(before + 1, before + 2, before + 3);
    }

    @Test
    void aDecoratedBeanCountsOneTwoThreeOverThreeRequests() {
        Client browser = new Client(base);

        List<String> answers = threeIncrements(browser, "api/counters/decorated");

        assertThat(answers).containsExactly("1", "2", "3");
    }

    @Test
    void theDecoratorRunsOnEveryCallOfThePersistentBean() {
        Client browser = new Client(base);
        int before = callsOf("api/counters/decorated/calls");

        List<Integer> decoratorCounts = new ArrayList<>();
        for (int call = 0; call < 3; call++) {
            browser.post("api/counters/decorated");
            decoratorCounts.add(callsOf("api/counters/decorated/calls"));
        }

        assertThat(decoratorCounts).containsExactly(before + 1, before + 2, before + 3);
    }

    private static List<String> threeIncrements(Client browser, String path) {
        List<String> answers = new ArrayList<>();
        for (int call = 0; call < 3; call++) {
            answers.add(browser.post(path).body());
        }
        return answers;
    }

    /** Read by a client of its own, which touches no persistent bean. */
    private int callsOf(String path) {
        return Integer.parseInt(new Client(base).get(path).body());
    }
}
