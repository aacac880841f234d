package org.opsdesk.actions;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.springframework.context.annotation.Bean;

/**
 * Test-only records the integration tests act on (kind {@code test-widget}, declared in
 * src/test/resources/actions-it), with their handlers and a provider whose answer a test sets. Registered for
 * every integration test's context.
 */
public final class TestWidgets {

    /** One widget: its state, and whether it is hidden (stands for foreign or deleted: 404). */
    public record Widget(String id, String number, String state, String subject, boolean hidden) {}

    public static final Map<String, Widget> WIDGETS = new ConcurrentHashMap<>();

    /** The provider's next answer; null answers Done with {@code {"balance": "12.00"}}. */
    public static volatile @Nullable ProviderAnswer nextAnswer;

    public static volatile boolean providerConfigured = true;

    /** Whether the provider fails in a way its connector does not answer for (a bug, not a provider's failure). */
    public static volatile boolean providerThrows;

    /** The next send stops dead, as a node that is killed mid-call would: no answer, nothing settled. */
    public static volatile boolean nodeDiesDuringTheCall;

    /**
     * When set, the provider answers only once it is counted down (or after a minute): a slow provider, which must
     * hold up nothing but its own invocation.
     */
    public static volatile java.util.concurrent.@Nullable CountDownLatch providerHolds;

    /** How many times each invocation was sent. */
    public static final Map<UUID, Integer> SENDS = new ConcurrentHashMap<>();

    /** What the provider was asked, by operation id. */
    public static final Map<UUID, Map<String, Object>> SENT = new ConcurrentHashMap<>();

    private TestWidgets() {}

    public static Widget widget(String state) {
        String id = UUID.randomUUID().toString();
        var widget = new Widget(id, "W-" + id.substring(0, 8), state, "widget-owner-" + id.substring(0, 6), false);
        WIDGETS.put(id, widget);
        return widget;
    }

    public static Widget hidden() {
        Widget w = widget("active");
        WIDGETS.put(w.id(), new Widget(w.id(), w.number(), w.state(), w.subject(), true));
        return w;
    }

    static Applied setState(Invocation invocation, String state) {
        ActionTarget target = java.util.Objects.requireNonNull(invocation.target());
        Widget w = WIDGETS.get(target.id());
        WIDGETS.put(w.id(), new Widget(w.id(), w.number(), state, w.subject(), w.hidden()));
        return new Applied(w.id(), Map.of("status", state));
    }

    /** The beans. */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        ActionTargets testWidgetTargets() {
            return new ActionTargets() {
                @Override
                public String kind() {
                    return "test-widget";
                }

                @Override
                public Optional<ActionTarget> find(String id, Actor actor) {
                    return Optional.ofNullable(WIDGETS.get(id))
                            .filter(w -> !w.hidden())
                            .map(w -> new ActionTarget(
                                    "test-widget", w.id(), w.number(), w.state(), w.subject(), Map.of()));
                }
            };
        }

        @Bean
        ActionHandler testWidgetSuspend() {
            return handler("test-widget.suspend", "suspended");
        }

        @Bean
        ActionHandler testWidgetResume() {
            return handler("test-widget.resume", "active");
        }

        @Bean
        ActionHandler testWidgetClose() {
            return handler("test-widget.close", "closed");
        }

        @Bean
        ActionHandler testWidgetDelete() {
            return handler("test-widget.delete", "deleted");
        }

        @Bean
        ActionHandler testWidgetPay() {
            return new ActionHandler() {
                @Override
                public String actionId() {
                    return "test-widget.pay";
                }

                @Override
                public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
                    return target.state().equals("closed") ? "a closed widget pays nothing" : null;
                }

                @Override
                public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
                    return new Applied(
                            invocation.target().id(),
                            Map.of(
                                    "paid",
                                    invocation
                                            .input()
                                            .money("amount")
                                            .orElseThrow()
                                            .toString()));
                }
            };
        }

        @Bean
        ActionHandler testWidgetSync() {
            return sync("test-widget.sync");
        }

        @Bean
        ActionHandler testWidgetSyncChecked() {
            return sync("test-widget.sync-checked");
        }

        private static ActionHandler sync(String id) {
            return new ActionHandler() {
                @Override
                public String actionId() {
                    return id;
                }

                @Override
                public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
                    return null;
                }

                @Override
                public Map<String, Object> providerRequest(Invocation invocation) {
                    return Map.of("widget", invocation.target().id());
                }

                @Override
                public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
                    return new Applied(
                            invocation.target().id(),
                            Map.of(
                                    "balance",
                                    String.valueOf(providerResult == null ? null : providerResult.get("balance"))));
                }
            };
        }

        @Bean
        ActionHandler testWidgetCreate() {
            return new ActionHandler() {
                @Override
                public String actionId() {
                    return "test-widget.create";
                }

                @Override
                public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
                    return null;
                }

                @Override
                public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
                    Widget w = widget("active");
                    return new Applied(
                            w.id(),
                            Map.of("name", invocation.input().text("name").orElseThrow()));
                }
            };
        }

        /**
         * The catalog's gateway in every test: the test widgets' actions get scripted answers; every other action
         * goes to the real connector (the provider module's, pointed at the tests' local provider port).
         */
        @Bean
        @org.springframework.context.annotation.Primary
        ProviderGateway testProvider(org.springframework.context.ApplicationContext context) {
            return new ProviderGateway() {
                @Override
                public boolean configured() {
                    return providerConfigured;
                }

                @Override
                public ProviderAnswer send(UUID operationId, String actionId, Map<String, Object> request) {
                    if (!actionId.startsWith("test-widget.")) {
                        return context.getBeansOfType(ProviderGateway.class).values().stream()
                                .filter(gateway -> gateway != this)
                                .findFirst()
                                .orElseThrow()
                                .send(operationId, actionId, request);
                    }
                    SENT.put(operationId, request);
                    SENDS.merge(operationId, 1, Integer::sum);
                    if (nodeDiesDuringTheCall) {
                        nodeDiesDuringTheCall = false;
                        throw new NodeStopped();
                    }
                    holdWhileAsked();
                    if (providerThrows) {
                        throw new IllegalStateException("connector bug");
                    }
                    ProviderAnswer answer = nextAnswer;
                    return answer == null ? new ProviderAnswer.Done(Map.of("balance", "12.00")) : answer;
                }
            };
        }

        private static void holdWhileAsked() {
            var hold = providerHolds;
            if (hold == null) {
                return;
            }
            try {
                hold.await(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static ActionHandler handler(String id, String state) {
            return new ActionHandler() {
                @Override
                public String actionId() {
                    return id;
                }

                @Override
                public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
                    return null;
                }

                @Override
                public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
                    return setState(invocation, state);
                }
            };
        }
    }

    /** Stands for the end of the process in the middle of a provider call (an Error: nothing catches it). */
    public static final class NodeStopped extends Error {
        NodeStopped() {
            super("the node stopped in the middle of the provider call", null, false, false);
        }
    }
}
