package org.opsdesk.workflow.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsdesk.workflow.Stage;
import org.opsdesk.workflow.Transition;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.loading.WorkflowFileReader;
import org.opsdesk.workflow.loading.WorkflowValidator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The server-drawn diagram of every shipped workflow: well-formed SVG with every stage and every transition. */
class WorkflowDiagramTests {

    private static final WorkflowDiagram.Words WORDS = new WorkflowDiagram.Words(
            "Workflow <of> \"this\" & that", status -> "word-" + status.name(), trigger -> "trigger-" + trigger.code());

    private static Map<String, WorkflowDefinition> shipped = Map.of();

    @BeforeAll
    static void loadShippedDefinitions() {
        var errors = new ArrayList<String>();
        shipped = new WorkflowValidator().validate(new WorkflowFileReader().read(null, errors), errors);
        assertThat(errors).isEmpty();
    }

    static Stream<String> types() {
        return shipped.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("types")
    void drawsOneNodePerStageWithItsStatusWordAndClass(String type) throws Exception {
        WorkflowDefinition definition = shipped.get(type);
        Document svg = parse(WorkflowDiagram.render(definition, WORDS));

        var nodes = groups(svg, "wf-node");
        assertThat(nodes).hasSize(definition.stages().size());
        for (Stage stage : definition.stages()) {
            Element node = nodes.stream()
                    .filter(n -> n.getAttribute("data-stage").equals(stage.code()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no node for " + stage.code()));
            assertThat(node.getAttribute("class"))
                    .contains("wf-status-" + stage.status().name().toLowerCase(Locale.ROOT));
            assertThat(node.getTextContent()).contains("word-" + stage.status().name(), stage.code());
            assertThat(((Element) node.getElementsByTagName("rect").item(0)).getAttribute("fill"))
                    .as("coloured without a style attribute")
                    .startsWith("#");
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void drawsEveryTransitionAsALabelledArrow(String type) throws Exception {
        WorkflowDefinition definition = shipped.get(type);
        Document svg = parse(WorkflowDiagram.render(definition, WORDS));

        var edges = groups(svg, "wf-edge");
        assertThat(edges).hasSize(definition.transitions().size());
        var drawn = new HashSet<String>();
        edges.forEach(e -> drawn.add(e.getAttribute("data-from") + "->" + e.getAttribute("data-to")));
        for (Transition t : definition.transitions()) {
            assertThat(drawn).contains(t.from() + "->" + t.to());
        }
        assertThat(edges).allSatisfy(edge -> assertThat(edge.getTextContent()).startsWith("trigger-"));
        assertThat(edges.stream().map(Element::getTextContent)).anySatisfy(label -> assertThat(label)
                .contains(definition.transitions().get(0).permission()));
    }

    @Test
    void isAnAccessibleImageWithItsTitleEscaped() throws Exception {
        String markup = WorkflowDiagram.render(shipped.get("withdrawal"), WORDS);
        Element root = parse(markup).getDocumentElement();
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "workflow-withdrawal.svg"), markup);

        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        String titleId = root.getAttribute("aria-labelledby");
        var title = (Element) root.getElementsByTagName("title").item(0);
        assertThat(title.getAttribute("id")).isEqualTo(titleId);
        assertThat(title.getTextContent()).isEqualTo("Workflow <of> \"this\" & that");
        assertThat(markup).doesNotContain("style=");
    }

    @Test
    void laysTheStagesOutFromTheInitialStageOnTheLeft() {
        var boxes = WorkflowDiagram.layout(shipped.get("withdrawal"), WORDS).boxes();

        double initial = boxes.get("requested").rect().x();
        assertThat(boxes.values()).allSatisfy(box -> assertThat(box.rect().x()).isGreaterThanOrEqualTo(initial));
        assertThat(boxes.get("under_review").rect().x()).isGreaterThan(initial);
        assertThat(boxes.get("sent").rect().x())
                .isGreaterThan(boxes.get("approved").rect().x());
        assertThat(boxes.get("completed").rect().x())
                .isGreaterThan(boxes.get("sent").rect().x());
    }

    /**
     * Readable for every shipped workflow: no two stages overlap, no label overlaps a stage or another label, no
     * arrow runs through a stage other than the two it joins, and everything lies within the view box the SVG
     * declares (exchange_order's {@code completed} used to be drawn past the right edge, its labels on each other).
     */
    @ParameterizedTest
    @MethodSource("types")
    void drawsEveryShippedWorkflowWithoutOverlapsAndWithinItsViewBox(String type) throws Exception {
        WorkflowDefinition definition = shipped.get(type);
        var picture = WorkflowDiagram.layout(definition, WORDS);
        String markup = WorkflowDiagram.render(definition, WORDS, picture);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "workflow-diagrams"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "workflow-diagrams", type + ".svg"), markup);

        var boxes = new ArrayList<>(picture.boxes().values());
        var labels = picture.arrows().stream().map(WorkflowLayout.Arrow::label).toList();
        var view = new WorkflowLayout.Rect(0, 0, picture.width(), picture.height());
        for (int i = 0; i < boxes.size(); i++) {
            var box = boxes.get(i);
            assertThat(within(box.rect(), view))
                    .as("%s inside the view box", box.stage().code())
                    .isTrue();
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(box.rect().overlaps(boxes.get(j).rect()))
                        .as(
                                "%s overlaps %s",
                                box.stage().code(), boxes.get(j).stage().code())
                        .isFalse();
            }
        }
        for (int i = 0; i < picture.arrows().size(); i++) {
            var arrow = picture.arrows().get(i);
            String name = arrow.transition().from() + "->" + arrow.transition().to();
            assertThat(within(arrow.label(), view))
                    .as("label of %s inside the view box", name)
                    .isTrue();
            for (var box : boxes) {
                assertThat(arrow.label().overlaps(box.rect()))
                        .as("label of %s overlaps stage %s", name, box.stage().code())
                        .isFalse();
                boolean end = box.stage().code().equals(arrow.transition().from())
                        || box.stage().code().equals(arrow.transition().to());
                if (!end) {
                    assertThat(crosses(arrow.points(), box.rect()))
                            .as(
                                    "arrow %s runs through stage %s",
                                    name, box.stage().code())
                            .isFalse();
                }
            }
            for (int j = i + 1; j < labels.size(); j++) {
                assertThat(arrow.label().overlaps(labels.get(j)))
                        .as("label of %s overlaps another label", name)
                        .isFalse();
            }
            assertThat(arrow.points()).as("arrow %s inside the view box", name).allSatisfy(p -> assertThat(
                            within(new WorkflowLayout.Rect(p.x(), p.y(), 0, 0), view))
                    .isTrue());
        }
        Element root = parse(markup).getDocumentElement();
        assertThat(root.getAttribute("viewBox"))
                .isEqualTo("0 0 " + (long) Math.ceil(picture.width()) + " " + (long) Math.ceil(picture.height()));
    }

    @Test
    void sizesEveryLabelForItsLongestLine() {
        WorkflowDefinition definition = shipped.get("exchange_order");
        var picture = WorkflowDiagram.layout(definition, WORDS);

        assertThat(picture.arrows())
                .allSatisfy(arrow -> assertThat(arrow.label().width())
                        .isGreaterThanOrEqualTo(
                                WorkflowLayout.textWidth(arrow.transition().permission(), 10)));
    }

    private static boolean within(WorkflowLayout.Rect inner, WorkflowLayout.Rect outer) {
        return inner.x() >= outer.x()
                && inner.y() >= outer.y()
                && inner.right() <= outer.right()
                && inner.bottom() <= outer.bottom();
    }

    /** Whether any segment of the polyline passes through the inside of the rectangle (Liang–Barsky clipping). */
    private static boolean crosses(java.util.List<WorkflowLayout.Point> points, WorkflowLayout.Rect rect) {
        var inside = new WorkflowLayout.Rect(rect.x() + 0.5, rect.y() + 0.5, rect.width() - 1, rect.height() - 1);
        for (int i = 1; i < points.size(); i++) {
            var a = points.get(i - 1);
            var b = points.get(i);
            double dx = b.x() - a.x();
            double dy = b.y() - a.y();
            double[] p = {-dx, dx, -dy, dy};
            double[] q = {a.x() - inside.x(), inside.right() - a.x(), a.y() - inside.y(), inside.bottom() - a.y()};
            double enter = 0;
            double leave = 1;
            boolean clipped = false;
            for (int k = 0; k < 4 && !clipped; k++) {
                if (p[k] == 0) {
                    clipped = q[k] < 0;
                } else if (p[k] < 0) {
                    enter = Math.max(enter, q[k] / p[k]);
                } else {
                    leave = Math.min(leave, q[k] / p[k]);
                }
            }
            if (!clipped && enter < leave) {
                return true;
            }
        }
        return false;
    }

    private static Document parse(String markup) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(markup.getBytes(StandardCharsets.UTF_8)));
    }

    private static java.util.List<Element> groups(Document svg, String cssClass) {
        var list = new ArrayList<Element>();
        var all = svg.getElementsByTagName("g");
        for (int i = 0; i < all.getLength(); i++) {
            var g = (Element) all.item(i);
            if ((" " + g.getAttribute("class") + " ").contains(" " + cssClass + " ")) {
                list.add(g);
            }
        }
        return list;
    }
}
