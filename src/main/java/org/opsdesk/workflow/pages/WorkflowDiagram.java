package org.opsdesk.workflow.pages;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.opsdesk.workflow.Stage;
import org.opsdesk.workflow.Status;
import org.opsdesk.workflow.Transition;
import org.opsdesk.workflow.Trigger;
import org.opsdesk.workflow.WorkflowDefinition;

/**
 * Draws a workflow definition as SVG on the server: stages in columns by their distance from the initial stage
 * (stages it never reaches come last), each a rectangle coloured by its canonical status and carrying the status
 * word and the stage code, so colour is never the only signal; transitions as arrows labelled with their trigger
 * and permission. No style attributes (the CSP forbids them): presentation attributes and classes only.
 */
final class WorkflowDiagram {

    /** The words the diagram writes, in the reader's language. */
    record Words(String title, Function<Status, String> status, Function<Trigger, String> trigger) {}

    record Box(Stage stage, int column, int row) {
        double x() {
            return MARGIN + column * (WIDTH + GAP_X);
        }

        double y() {
            return MARGIN + row * (HEIGHT + GAP_Y);
        }
    }

    static final int WIDTH = 170;
    static final int HEIGHT = 56;
    private static final int GAP_X = 240;
    private static final int GAP_Y = 64;
    private static final int MARGIN = 30;

    private static final Map<Status, String[]> PALETTE = Map.of(
            Status.PENDING, new String[] {"#fff4d6", "#b7791f"},
            Status.SUCCESS, new String[] {"#e3f6e8", "#2f7d46"},
            Status.ERROR, new String[] {"#fde7ea", "#b42335"},
            Status.REJECTED, new String[] {"#eceff3", "#57606a"});

    private WorkflowDiagram() {}

    static String render(WorkflowDefinition definition, Words words) {
        Map<String, Box> boxes = layout(definition);
        int columns = boxes.values().stream().mapToInt(Box::column).max().orElse(0) + 1;
        int rows = boxes.values().stream().mapToInt(Box::row).max().orElse(0) + 1;
        int width = 2 * MARGIN + columns * WIDTH + (columns - 1) * GAP_X;
        int height = 2 * MARGIN + rows * HEIGHT + (rows - 1) * GAP_Y + 20;
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
                .append("\">\n");
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
        int index = 0;
        for (Transition transition : definition.transitions()) {
            edge(svg, id, boxes.get(transition.from()), boxes.get(transition.to()), transition, words, index++);
        }
        for (Box box : boxes.values()) {
            node(
                    svg,
                    box,
                    words,
                    definition.initialStage().code().equals(box.stage().code()));
        }
        return svg.append("</svg>").toString();
    }

    /** Columns by breadth-first distance from the initial stage; within a column, stages in definition order. */
    static Map<String, Box> layout(WorkflowDefinition definition) {
        var depth = new HashMap<String, Integer>();
        var queue = new ArrayDeque<String>();
        String initial = definition.initialStage().code();
        depth.put(initial, 0);
        queue.add(initial);
        while (!queue.isEmpty()) {
            String from = queue.poll();
            for (Transition t : definition.outgoing(from)) {
                if (!depth.containsKey(t.to())) {
                    depth.put(t.to(), depth.get(from) + 1);
                    queue.add(t.to());
                }
            }
        }
        int unreachable =
                depth.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        var rows = new HashMap<Integer, Integer>();
        var boxes = new LinkedHashMap<String, Box>();
        for (Stage stage : definition.stages()) {
            int column = depth.getOrDefault(stage.code(), unreachable);
            int row = rows.merge(column, 1, Integer::sum) - 1;
            boxes.put(stage.code(), new Box(stage, column, row));
        }
        return boxes;
    }

    private static void node(StringBuilder svg, Box box, Words words, boolean initial) {
        Stage stage = box.stage();
        String[] colours = PALETTE.get(stage.status());
        String status = stage.status().name().toLowerCase(Locale.ROOT);
        svg.append("<g class=\"wf-node wf-status-")
                .append(status)
                .append("\" data-stage=\"")
                .append(escape(stage.code()))
                .append("\">");
        svg.append("<rect x=\"")
                .append(num(box.x()))
                .append("\" y=\"")
                .append(num(box.y()))
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" rx=\"8\" fill=\"")
                .append(colours[0])
                .append("\" stroke=\"")
                .append(colours[1])
                .append("\" stroke-width=\"")
                .append(initial ? 3 : stage.terminal() ? 2 : 1.5)
                .append("\"/>");
        text(
                svg,
                box.x() + WIDTH / 2.0,
                box.y() + 22,
                "wf-status-word",
                "600",
                words.status().apply(stage.status()));
        text(svg, box.x() + WIDTH / 2.0, box.y() + 42, "wf-stage-code", "400", stage.code());
        svg.append("</g>\n");
    }

    private static void edge(StringBuilder svg, String id, Box from, Box to, Transition t, Words words, int index) {
        double x1 = from.x() + WIDTH;
        double y1 = from.y() + HEIGHT / 2.0;
        double x2 = to.x();
        double y2 = to.y() + HEIGHT / 2.0;
        String path;
        double lx;
        double ly;
        if (to.column() > from.column()) {
            double bend = (x1 + x2) / 2;
            path = "M " + num(x1) + " " + num(y1) + " C " + num(bend) + " " + num(y1) + ", " + num(bend) + " " + num(y2)
                    + ", " + num(x2) + " " + num(y2);
            lx = bend;
            ly = (y1 + y2) / 2;
        } else if (to.column() == from.column()) {
            // Within a column: a bracket out to the right, clear of the stages between them.
            x2 = to.x() + WIDTH;
            double out = x1 + 40 + 12 * Math.abs(to.row() - from.row());
            path = "M " + num(x1) + " " + num(y1) + " C " + num(out) + " " + num(y1) + ", " + num(out) + " " + num(y2)
                    + ", " + num(x2) + " " + num(y2);
            lx = out + 70;
            ly = (y1 + y2) / 2 + 8;
        } else {
            // Backwards: loop under the stages, from the bottom of one to the bottom of the other.
            x1 = from.x() + WIDTH / 2.0 + 12;
            y1 = from.y() + HEIGHT;
            x2 = to.x() + WIDTH / 2.0 - 12;
            y2 = to.y() + HEIGHT;
            double low = Math.max(y1, y2) + GAP_Y - 6;
            path = "M " + num(x1) + " " + num(y1) + " C " + num(x1) + " " + num(low) + ", " + num(x2) + " " + num(low)
                    + ", " + num(x2) + " " + num(y2);
            lx = (x1 + x2) / 2;
            ly = low + 4;
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
        // Two lines (trigger, then permission) fit the gap between columns; alternate edges shift to part labels.
        // Above the line's midpoint, so the line never runs through the text.
        double shift = index % 2 == 0 ? 0 : -10;
        text(svg, lx, ly - 17 + shift, "wf-edge-label", "600", words.trigger().apply(t.trigger()));
        text(svg, lx, ly - 6 + shift, "wf-edge-label", "400", t.permission());
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
