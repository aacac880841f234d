package org.opsdesk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * The resource URL encoding asks the resource resolvers about file links only, once each: a page link is written
 * as the container writes it without a lookup (Spring's own filter looked every link up, missing uncached in the
 * jar each time), and a file link still gets the resolver's answer (a webjar's version).
 */
class StaticLinkEncodingFilterTests {

    /** A resource resolver, as the static handler for {@code /**} has, that records what it was asked. */
    static final class RecordingProvider extends ResourceUrlProvider {
        final List<String> asked = new ArrayList<>();

        RecordingProvider() {
            var handler = new ResourceHttpRequestHandler();
            handler.setResourceResolvers(List.of(new ResourceResolver() {
                @Override
                public Resource resolveResource(
                        HttpServletRequest request,
                        String requestPath,
                        List<? extends Resource> locations,
                        ResourceResolverChain chain) {
                    return null;
                }

                @Override
                public String resolveUrlPath(
                        String resourcePath, List<? extends Resource> locations, ResourceResolverChain chain) {
                    asked.add("/" + resourcePath);
                    return resourcePath.equals("webjars/htmx.org/dist/htmx.min.js")
                            ? "webjars/htmx.org/2.0.4/dist/htmx.min.js"
                            : resourcePath.equals("css/portal.css") ? resourcePath : null;
                }
            }));
            setHandlerMap(Map.of("/**", handler));
        }
    }

    private static List<String> encode(ResourceUrlEncodingFilter filter, RecordingProvider provider, String... links)
            throws Exception {
        var request = new MockHttpServletRequest("GET", "/portal/exchange");
        var encoded = new ArrayList<String>();
        var seen = new AtomicReference<HttpServletResponse>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            // what Spring MVC's interceptor does before a view renders
            req.setAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR, provider);
            seen.set((HttpServletResponse) res);
            for (String link : links) {
                encoded.add(seen.get().encodeURL(link));
            }
        });
        return encoded;
    }

    @Test
    void writesPageLinksWithoutAskingTheResourceResolvers() throws Exception {
        var provider = new RecordingProvider();

        var encoded = encode(
                new StaticLinkEncodingFilter(),
                provider,
                "/portal/orders",
                "/portal/orders/3f0c1a52-9d1e-4c51-a8a7-6b1f2f0f7e11?notice=placed",
                "/operations?type=withdrawal.v2");

        assertThat(encoded)
                .containsExactly(
                        "/portal/orders",
                        "/portal/orders/3f0c1a52-9d1e-4c51-a8a7-6b1f2f0f7e11?notice=placed",
                        "/operations?type=withdrawal.v2");
        assertThat(provider.asked).isEmpty();
    }

    @Test
    void springsOwnFilterAsksAboutEveryLink() throws Exception {
        var provider = new RecordingProvider();

        encode(new ResourceUrlEncodingFilter(), provider, "/portal/orders");

        assertThat(provider.asked).as("the lookup the subclass saves").containsExactly("/portal/orders");
    }

    @Test
    void stillWritesFileLinksAsTheResolversAnswer() throws Exception {
        var provider = new RecordingProvider();

        var encoded = encode(
                new StaticLinkEncodingFilter(), provider, "/webjars/htmx.org/dist/htmx.min.js", "/css/portal.css");

        assertThat(encoded).containsExactly("/webjars/htmx.org/2.0.4/dist/htmx.min.js", "/css/portal.css");
        assertThat(provider.asked).containsExactly("/webjars/htmx.org/dist/htmx.min.js", "/css/portal.css");
    }

    @Test
    void asksAboutAFileLinkOnceFoundOrNot() throws Exception {
        var provider = new RecordingProvider();
        var filter = new StaticLinkEncodingFilter();

        var first = encode(filter, provider, "/css/portal.css", "/portal/theme.css");
        var second = encode(filter, provider, "/css/portal.css", "/portal/theme.css");

        assertThat(first).containsExactly("/css/portal.css", "/portal/theme.css");
        assertThat(second).isEqualTo(first);
        assertThat(provider.asked).containsExactly("/css/portal.css", "/portal/theme.css");
    }

    @Test
    void writesActionLinksWithoutAskingTheResourceResolvers() throws Exception {
        var provider = new RecordingProvider();
        String link = "/records/account/3f0c1a52-9d1e-4c51-a8a7-6b1f2f0f7e11/actions/account.set-night-limit-start";

        var encoded =
                encode(new StaticLinkEncodingFilter(), provider, link, "/records/account/x/actions/account.suspend");

        assertThat(encoded).containsExactly(link, "/records/account/x/actions/account.suspend");
        assertThat(provider.asked)
                .as("an action id's dot is no file extension: every record's links missed in the jar")
                .isEmpty();
    }

    @Test
    void aFileIsALinkWhoseLastSegmentHasAFileTypesExtension() {
        assertThat(StaticLinkEncodingFilter.mayBeStaticFile("/js/portal-countdown.js"))
                .isTrue();
        assertThat(StaticLinkEncodingFilter.mayBeStaticFile("/rates.xml?x=1")).isTrue();
        assertThat(StaticLinkEncodingFilter.mayBeStaticFile("/portal/exchange")).isFalse();
        assertThat(StaticLinkEncodingFilter.mayBeStaticFile("/exchange/rates/EUR/PLN?from=2026-01-01.5"))
                .isFalse();
        assertThat(StaticLinkEncodingFilter.mayBeStaticFile("/v1.2/orders")).isFalse();
        assertThat(StaticLinkEncodingFilter.mayBeStaticFile("/webjars/htmx.org/dist/htmx.min.JS#top"))
                .isTrue();
        assertThat(StaticLinkEncodingFilter.mayBeStaticFile("/records/account/1/actions/pix-key.create"))
                .isFalse();
        assertThat(StaticLinkEncodingFilter.mayBeStaticFile("")).isFalse();
    }
}
