package org.opsdesk.exports.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.opsdesk.operations.OperationFilter;
import org.opsdesk.shared.Actor;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The console's download when too many exports run: the export page again, with the reason, as 429. */
class ExportControllerTests {

    @Test
    void showsTheExportPageWithAReadableMessageWhenTooManyExportsRun() throws Exception {
        var export = mock(OperationExport.class);
        var runs = mock(ExportRuns.class);
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/exports");
        messages.setDefaultEncoding("UTF-8");
        var actor = Actor.system("tests");
        var request = new OperationExport.Request(mock(OperationFilter.class), CsvOptions.DEFAULT, "");
        when(export.prepare(any(), eq(actor))).thenReturn(request);
        doThrow(new TooManyExports(30)).when(export).respond(eq(request), eq(actor), eq("console"), any());
        when(runs.list(any(), any(), org.mockito.ArgumentMatchers.anyInt())).thenReturn(List.of());
        var controller = new ExportController(export, runs, messages);

        var page = controller.download(
                new MockHttpServletRequest(), new MockHttpServletResponse(), actor, Locale.forLanguageTag("pt-BR"));

        assertThat(page).isNotNull();
        assertThat(page.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(page.getViewName()).isEqualTo("exports/list");
        assertThat(page.getModel().get("error")).asString().startsWith("Há exportações demais em andamento");
    }
}
