package org.opsdesk.workflow.pages;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.opsdesk.workflow.Stage;
import org.opsdesk.workflow.Status;
import org.opsdesk.workflow.Transition;
import org.opsdesk.workflow.Trigger;
import org.opsdesk.workflow.WorkflowDefinition;

/**
 * Draws a workflow definition as SVG on the server, placed by {@link WorkflowLayout} (Eclipse ELK's layered
 * algorithm): each stage a rectangle coloured by its canonical status and carrying the status word and the stage
 * code, so colour is never the only signal; each transition an orthogonal arrow, dashed unless manual, labelled
 * with its trigger and permission on a place of its own. No style attributes and no script (the CSP forbids
 * them): presentation attributes and classes only.
 */
final class WorkflowDiagram {

    /** The words the diagram writes, in the reader's language. */
    record Words(String title, Function<Status, String> status, Function<Trigger, String> trigger) {}

    private static final Map<Status, String[]> PALETTE = Map.of(
            Status.PENDING, new String[] {"#fff4d6", "#b7791f"},
            Status.SUCCESS, new String[] {"#e3f6e8", "#2f7d46"},
            Status.ERROR, new String[] {"#fde7ea", "#b42335"},
            Status.REJECTED, new String[] {"#eceff3", "#57606a"});

    private WorkflowDiagram() {}

    static String render(WorkflowDefinition definition, Words words) {
        return render(definition, words, layout(definition, words));
    }

    /** Where everything goes, with the labels these words make. */
    static WorkflowLayout.Picture layout(WorkflowDefinition definition, Words words) {
        return WorkflowLayout.of(definition, t -> List.of(words.trigger().apply(t.trigger()), t.permission()));
    }

    static String render(WorkflowDefinition definition, Words words, WorkflowLayout.Picture picture) {
        String width = num(Math.ceil(picture.width()));
        String height = num(Math.ceil(picture.height()));
        var svg = new StringBuilder();
        String id = "wf-" + definition.type();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"workflow-diagram\" role=\"img\"")
                .append(" aria-labelledby=\"")
                .append(id)
                .append("-title\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\">\n");
        svg.append("<title id=\"")
                .append(id)
                .append("-title\">")
                .append(escape(words.title()))
                .append("</title>\n");
        svg.append("<defs><marker id=\"")
                .append(id)
                .append("-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\"")
                .append(" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#57606a\"/>")
                .append("</marker></defs>\n");
        for (WorkflowLayout.Arrow arrow : picture.arrows()) {
            edge(svg, id, arrow);
        }
        String initial = definition.initialStage().code();
        for (WorkflowLayout.Box box : picture.boxes().values()) {
            node(svg, box, words, initial.equals(box.stage().code()));
        }
        return svg.append("</svg>").toString();
    }

    private static void node(StringBuilder svg, WorkflowLayout.Box box, Words words, boolean initial) {
        Stage stage = box.stage();
        WorkflowLayout.Rect r = box.rect();
        String[] colours = PALETTE.get(stage.status());
        String status = stage.status().name().toLowerCase(Locale.ROOT);
        svg.append("<g class=\"wf-node wf-status-")
                .append(status)
                .append("\" data-stage=\"")
                .append(escape(stage.code()))
                .append("\">");
        svg.append("<rect x=\"")
                .append(num(r.x()))
                .append("\" y=\"")
                .append(num(r.y()))
                .append("\" width=\"")
                .append(num(r.width()))
                .append("\" height=\"")
                .append(num(r.height()))
                .append("\" rx=\"8\" fill=\"")
                .append(colours[0])
                .append("\" stroke=\"")
                .append(colours[1])
                .append("\" stroke-width=\"")
                .append(initial ? 3 : stage.terminal() ? 2 : 1.5)
                .append("\"/>");
        double middle = r.x() + r.width() / 2;
        text(svg, middle, r.y() + 22, "wf-status-word", "600", words.status().apply(stage.status()));
        text(svg, middle, r.y() + 42, "wf-stage-code", "400", stage.code());
        svg.append("</g>\n");
    }

    private static void edge(StringBuilder svg, String id, WorkflowLayout.Arrow arrow) {
        Transition t = arrow.transition();
        var path = new StringBuilder();
        for (WorkflowLayout.Point p : arrow.points()) {
            path.append(path.length() == 0 ? "M " : " L ")
                    .append(num(p.x()))
                    .append(' ')
                    .append(num(p.y()));
        }
        svg.append("<g class=\"wf-edge wf-trigger-")
                .append(t.trigger().code())
                .append("\" data-from=\"")
                .append(escape(t.from()))
                .append("\" data-to=\"")
                .append(escape(t.to()))
                .append("\"><path d=\"")
                .append(path)
                .append("\" fill=\"none\" stroke=\"#57606a\" stroke-width=\"1.4\"")
                .append(t.trigger() == Trigger.MANUAL ? "" : " stroke-dasharray=\"5 3\"")
                .append(" marker-end=\"url(#")
                .append(id)
                .append("-arrow)\"/>");
        WorkflowLayout.Rect label = arrow.label();
        svg.append("<rect class=\"wf-edge-label-box\" x=\"")
                .append(num(label.x()))
                .append("\" y=\"")
                .append(num(label.y()))
                .append("\" width=\"")
                .append(num(label.width()))
                .append("\" height=\"")
                .append(num(label.height()))
                .append("\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.9\"/>");
        double middle = label.x() + label.width() / 2;
        double baseline = label.y() + (label.height() - arrow.lines().size() * WorkflowLayout.LABEL_LINE) / 2;
        for (int i = 0; i < arrow.lines().size(); i++) {
            baseline += WorkflowLayout.LABEL_LINE;
            text(
                    svg,
                    middle,
                    baseline - 2.5,
                    "wf-edge-label",
                    i == 0 ? "600" : "400",
                    arrow.lines().get(i));
        }
        svg.append("</g>\n");
    }

    private static void text(StringBuilder svg, double x, double y, String cssClass, String weight, String value) {
        svg.append("<text class=\"")
                .append(cssClass)
                .append("\" x=\"")
                .append(num(x))
                .append("\" y=\"")
                .append(num(y))
                .append("\" text-anchor=\"middle\" font-size=\"")
                .append(cssClass.equals("wf-edge-label") ? 10 : 13)
                .append("\" font-weight=\"")
                .append(weight)
                .append("\" fill=\"#1b1f24\">")
                .append(escape(value))
                .append("</text>");
    }

    private static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String value) {
        var out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
