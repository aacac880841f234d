package org.opsdesk.workflow.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayerConstraint;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.opsdesk.workflow.Stage;
import org.opsdesk.workflow.Transition;
import org.opsdesk.workflow.WorkflowDefinition;

/**
 * Where a workflow's stages, arrows and arrow labels go, computed by Eclipse ELK's layered (Sugiyama) algorithm:
 * stages in layers from left to right starting with the initial stage, crossings minimised, arrows routed
 * orthogonally between the layers (around the stages, never through them), and every arrow's label given a place
 * of its own that no stage or other label takes. Text has no font metrics on the server, so labels and boxes are
 * sized by a deliberately generous width per character; the sizes the layout reserved are the sizes drawn.
 */
final class WorkflowLayout {

    /** An axis-aligned rectangle. */
    record Rect(double x, double y, double width, double height) {
        double right() {
            return x + width;
        }

        double bottom() {
            return y + height;
        }

        /** Whether the two overlap in an area (touching edges do not count). */
        boolean overlaps(Rect other) {
            return x < other.right() && other.x < right() && y < other.bottom() && other.y < bottom();
        }
    }

    record Point(double x, double y) {}

    /** A stage's box. */
    record Box(Stage stage, Rect rect) {}

    /**
     * A transition's arrow: its polyline from the source stage's border to the target's, and its label's box.
     *
     * @param lines the label's lines, top to bottom
     */
    record Arrow(Transition transition, List<Point> points, Rect label, List<String> lines) {}

    /** The whole picture: everything lies within {@code width} × {@code height}. */
    record Picture(Map<String, Box> boxes, List<Arrow> arrows, double width, double height) {}

    static final double STAGE_HEIGHT = 56;
    static final double STAGE_MIN_WIDTH = 170;
    static final double STAGE_FONT = 13;
    static final double LABEL_FONT = 10;
    static final double LABEL_LINE = 12;
    /** An upper bound of a character's advance in em for the sans-serif faces browsers pick (bold, upper case). */
    private static final double EM_PER_CHARACTER = 0.62;

    private static final double LABEL_PADDING = 4;
    private static final double MARGIN = 24;

    private WorkflowLayout() {}

    /** Lays the definition out with each arrow labelled by the given lines (trigger word, then permission). */
    static Picture of(WorkflowDefinition definition, java.util.function.Function<Transition, List<String>> labels) {
        ElkNode graph = ElkGraphUtil.createGraph();
        graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        graph.setProperty(LayeredOptions.DIRECTION, Direction.RIGHT);
        graph.setProperty(LayeredOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE, 36.0);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 48.0);
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 16.0);
        graph.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 12.0);
        graph.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 4.0);
        graph.setProperty(LayeredOptions.SPACING_LABEL_LABEL, 6.0);
        graph.setProperty(LayeredOptions.PADDING, new ElkPadding(MARGIN));

        double stageWidth = definition.stages().stream()
                .mapToDouble(s -> textWidth(s.code(), STAGE_FONT) + 28)
                .max()
                .orElse(0);
        var nodes = new LinkedHashMap<String, ElkNode>();
        for (Stage stage : definition.stages()) {
            ElkNode node = ElkGraphUtil.createNode(graph);
            node.setIdentifier(stage.code());
            node.setDimensions(Math.max(STAGE_MIN_WIDTH, stageWidth), STAGE_HEIGHT);
            if (stage.code().equals(definition.initialStage().code())) {
                node.setProperty(LayeredOptions.LAYERING_LAYER_CONSTRAINT, LayerConstraint.FIRST);
            }
            nodes.put(stage.code(), node);
        }
        var edges = new ArrayList<ElkEdge>();
        for (Transition transition : definition.transitions()) {
            ElkEdge edge = ElkGraphUtil.createSimpleEdge(nodes.get(transition.from()), nodes.get(transition.to()));
            List<String> lines = labels.apply(transition);
            ElkLabel label = ElkGraphUtil.createLabel(String.join("\n", lines), edge);
            double width = lines.stream()
                    .mapToDouble(l -> textWidth(l, LABEL_FONT))
                    .max()
                    .orElse(0);
            label.setDimensions(width + 2 * LABEL_PADDING, lines.size() * LABEL_LINE + 2 * LABEL_PADDING);
            label.setProperty(LayeredOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            edges.add(edge);
        }

        new RecursiveGraphLayoutEngine().layout(graph, new BasicProgressMonitor());

        var boxes = new LinkedHashMap<String, Box>();
        for (Stage stage : definition.stages()) {
            ElkNode node = nodes.get(stage.code());
            boxes.put(
                    stage.code(),
                    new Box(stage, new Rect(node.getX(), node.getY(), node.getWidth(), node.getHeight())));
        }
        var arrows = new ArrayList<Arrow>();
        for (int i = 0; i < edges.size(); i++) {
            Transition transition = definition.transitions().get(i);
            ElkEdge edge = edges.get(i);
            ElkLabel label = edge.getLabels().get(0);
            arrows.add(new Arrow(
                    transition,
                    points(edge),
                    new Rect(label.getX(), label.getY(), label.getWidth(), label.getHeight()),
                    labels.apply(transition)));
        }
        return new Picture(boxes, arrows, graph.getWidth(), graph.getHeight());
    }

    /** The edge's route: ELK gives simple edges one section, its coordinates relative to the graph. */
    private static List<Point> points(ElkEdge edge) {
        ElkEdgeSection section = edge.getSections().get(0);
        var points = new ArrayList<Point>();
        points.add(new Point(section.getStartX(), section.getStartY()));
        section.getBendPoints().forEach(b -> points.add(new Point(b.getX(), b.getY())));
        points.add(new Point(section.getEndX(), section.getEndY()));
        return points;
    }

    /** A width the text will not exceed at this font size. */
    static double textWidth(String text, double fontSize) {
        return text.codePointCount(0, text.length()) * fontSize * EM_PER_CHARACTER;
    }
}
