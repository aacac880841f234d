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
    void laysStagesOutInColumnsByDistanceFromTheInitialStage() {
        var boxes = WorkflowDiagram.layout(shipped.get("withdrawal"));

        assertThat(boxes.get("requested").column()).isZero();
        assertThat(boxes.get("under_review").column()).isEqualTo(1);
        assertThat(boxes.get("approved").column()).isEqualTo(2);
        assertThat(boxes.get("sent").column()).isEqualTo(3);
        assertThat(boxes.get("completed").column()).isEqualTo(4);
        assertThat(boxes.values().stream().map(b -> b.column() + ":" + b.row()).distinct())
                .as("no two stages in the same place")
                .hasSize(boxes.size());
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
