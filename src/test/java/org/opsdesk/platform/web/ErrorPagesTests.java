package org.opsdesk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opsdesk.shared.PermissionDenied;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

class ErrorPagesTests {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void givesPagesToBrowsersOutsideTheApiOnly() {
        assertThat(ErrorPages.wanted(request("/operations", BROWSER))).isTrue();
        assertThat(ErrorPages.wanted(request("/api/v1/operations", BROWSER))).isFalse();
        assertThat(ErrorPages.wanted(request("/operations", "*/*"))).isFalse();
        assertThat(ErrorPages.wanted(request("/operations", "application/json")))
                .isFalse();
        assertThat(ErrorPages.wanted(request("/operations", "text/html;q=0"))).isFalse();
        assertThat(ErrorPages.wanted(request("/operations", "not a media type")))
                .isFalse();
        assertThat(ErrorPages.wanted(request("/operations", null))).isFalse();
    }

    @Test
    void rendersAPermissionRefusalAsAForbiddenPageForBrowsersAndAProblemForOthers() {
        var advice = new ProblemAdvice();

        Object page = advice.problem(new PermissionDenied("operators:manage"), request("/admin", BROWSER));
        Object problem = advice.problem(new PermissionDenied("operators:manage"), request("/api/v1/x", BROWSER));

        assertThat(page).isInstanceOfSatisfying(ModelAndView.class, view -> {
            assertThat(view.getViewName()).isEqualTo("platform/error");
            assertThat(view.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(view.getModel()).containsEntry("kind", "403");
        });
        assertThat(problem).isInstanceOfSatisfying(ResponseEntity.class, response -> assertThat(
                        response.getStatusCode().value())
                .isEqualTo(403));
    }

    private static MockHttpServletRequest request(String uri, String accept) {
        var request = new MockHttpServletRequest("GET", uri);
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        return request;
    }
}
