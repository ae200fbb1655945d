package dev.pulse.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The same rule at the build level, where it matters for deployment: a service's pom names no Pulse
 * module but contracts and service-support (and test-support, for its tests only).
 */
class ServiceDependenciesTest {

    static List<ServiceModule> services() {
        return ServiceModule.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void aServiceDependsOnlyOnSharedLibraries(ServiceModule service) throws Exception {
        List<String> runtime = new ArrayList<>();
        List<String> testOnly = new ArrayList<>();
        for (Element dependency : pulseDependencies(Path.of("..", service.artifactId(), "pom.xml"))) {
            String artifact = text(dependency, "artifactId");
            ("test".equals(text(dependency, "scope")) ? testOnly : runtime).add(artifact);
        }
        assertThat(ServiceModule.ALLOWED_LIBRARIES).as("runtime Pulse dependencies of %s", service).containsAll(runtime);
        assertThat(List.of("test-support")).as("test Pulse dependencies of %s", service).containsAll(testOnly);
        assertThat(runtime).contains("contracts");
    }

    private static List<Element> pulseDependencies(Path pom) throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        Element dependencies = (Element) document.getDocumentElement().getElementsByTagName("dependencies").item(0);
        List<Element> pulse = new ArrayList<>();
        NodeList nodes = dependencies.getElementsByTagName("dependency");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element dependency = (Element) nodes.item(i);
            if ("dev.pulse".equals(text(dependency, "groupId"))) {
                pulse.add(dependency);
            }
        }
        return pulse;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
