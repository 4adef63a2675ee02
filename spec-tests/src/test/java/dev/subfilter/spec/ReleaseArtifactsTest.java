package dev.subfilter.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a user depends on matches what the build publishes: the BOM lists every published module,
 * the POMs carry the release metadata, the jars the license, and every example of the README's
 * Install section (Maven, Gradle, module names) names real coordinates and modules.
 */
class ReleaseArtifactsTest {
  /** SHA-256 of the Apache License 2.0 as the ASF publishes it (LICENSE-2.0.txt). */
  private static final String APACHE_2_SHA256 = "cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30";

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent(); // surefire runs in spec-tests/

  private static Element pom(String module) throws Exception {
    Path file = module.isEmpty() ? ROOT.resolve("pom.xml") : ROOT.resolve(module).resolve("pom.xml");
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  private static Element child(Element parent, String... path) {
    Element e = parent;
    for (String name : path) {
      List<Element> c = children(e, name);
      if (c.isEmpty()) {
        return null;
      }
      e = c.get(0);
    }
    return e;
  }

  private static String text(Element parent, String... path) {
    Element e = child(parent, path);
    return e == null ? null : e.getTextContent().strip();
  }

  private static String version() throws Exception {
    return text(pom(""), "version");
  }

  private static List<String> modules() throws Exception {
    return children(child(pom(""), "modules"), "module").stream().map(e -> e.getTextContent().strip()).toList();
  }

  private static boolean skips(Element pom, String property) {
    return "true".equals(text(pom, "properties", property));
  }

  /** The modules users get: every module that is installed, but the BOM itself. */
  private static Set<String> published() throws Exception {
    Set<String> out = new TreeSet<>();
    for (String m : modules()) {
      Element p = pom(m);
      if (!skips(p, "maven.install.skip") && !"pom".equals(text(p, "packaging"))) {
        out.add(text(p, "artifactId"));
      }
    }
    return out;
  }

  private static Map<String, Element> bomEntries() throws Exception {
    Map<String, Element> out = new LinkedHashMap<>();
    for (Element d : children(child(pom("subfilter-bom"), "dependencyManagement", "dependencies"), "dependency")) {
      out.put(text(d, "artifactId"), d);
    }
    return out;
  }

  @Test
  void bom_listsEveryPublishedModule_scopeFree_atTheProjectVersion() throws Exception {
    Element bom = pom("subfilter-bom");

    assertThat(modules()).contains("subfilter-bom");
    assertThat(bomEntries().keySet()).containsExactlyInAnyOrderElementsOf(published()).contains("filter-core", "filter-jackson", "filter-cli");
    for (Element d : bomEntries().values()) {
      assertThat(text(d, "groupId")).isEqualTo("dev.subfilter");
      assertThat(text(d, "version")).isEqualTo("${project.version}");
    }
    assertThat(bom.getElementsByTagName("scope").getLength()).as("<scope> elements in the BOM").isZero();
    assertThat(child(bom, "parent")).as("the BOM must not inherit the parent's dependency management").isNull();
    assertThat(text(bom, "groupId")).isEqualTo("dev.subfilter");
    assertThat(text(bom, "version")).isEqualTo(version());
    assertThat(text(bom, "packaging")).isEqualTo("pom");
  }

  @Test
  void poms_releaseMetadata_licenseUrlScmDevelopers_inheritedOrRepeated() throws Exception {
    Element root = pom("");
    Element bom = pom("subfilter-bom");

    assertThat(text(root, "licenses", "license", "name")).isEqualTo("Apache-2.0");
    assertThat(text(root, "licenses", "license", "url")).isEqualTo("https://www.apache.org/licenses/LICENSE-2.0.txt");
    assertThat(text(root, "url")).isEqualTo("https://github.com/subfilter/subfilter");
    assertThat(text(root, "scm", "url")).isEqualTo("https://github.com/subfilter/subfilter");
    assertThat(text(root, "scm", "connection")).isEqualTo("scm:git:https://github.com/subfilter/subfilter.git");
    assertThat(text(root, "developers", "developer", "name")).isEqualTo("the subfilter developers");
    // children would append their artifactId to inherited URLs
    assertThat(root.getAttribute("child.project.url.inherit.append.path")).isEqualTo("false");
    assertThat(child(root, "scm").getAttribute("child.scm.url.inherit.append.path")).isEqualTo("false");
    for (String element : List.of("url", "licenses", "developers", "scm")) {
      assertThat(normalised(child(bom, element))).as("the BOM's <%s>", element).isEqualTo(normalised(child(root, element)));
    }
    for (String m : modules()) {
      Element p = pom(m);
      assertThat(text(p, "name")).as("%s <name>", m).isNotBlank();
      assertThat(text(p, "description")).as("%s <description>", m).isNotBlank();
      if (!m.equals("subfilter-bom")) {
        assertThat(text(p, "parent", "version")).as("%s's parent version", m).isEqualTo(version());
      }
    }
  }

  @Test
  void testsAndBenchmarks_neitherInstalledNorDeployed() throws Exception {
    for (String m : List.of("benchmarks", "spec-tests")) {
      assertThat(skips(pom(m), "maven.install.skip")).as("%s installs", m).isTrue();
      assertThat(skips(pom(m), "maven.deploy.skip")).as("%s deploys", m).isTrue();
    }
  }

  @Test
  void javadoc_doclintOn_failingOnWarnings_inEveryLibraryModule() throws Exception {
    Element root = pom("");
    Element javadoc = null;
    for (Element plugin : children(child(root, "build", "pluginManagement", "plugins"), "plugin")) {
      if ("maven-javadoc-plugin".equals(text(plugin, "artifactId"))) {
        javadoc = plugin;
      }
    }

    assertThat(javadoc).as("maven-javadoc-plugin in the root pluginManagement").isNotNull();
    assertThat(text(javadoc, "configuration", "doclint")).isEqualTo("all");
    assertThat(text(javadoc, "configuration", "failOnWarnings")).isEqualTo("${javadoc.failOnWarnings}");
    assertThat(text(root, "properties", "javadoc.failOnWarnings")).isEqualTo("true");
    // a library module is one with an overview page (the root pom's "library" profile): each module-info'd one has one
    for (String artifact : descriptors().keySet()) {
      assertThat(ROOT.resolve(artifact).resolve("src/main/javadoc/overview.html")).as("%s's overview page", artifact).exists();
    }
    // no module turns it back off: not by the property, nor by the plugin's own settings, in a profile neither
    for (String m : modules()) {
      Element p = pom(m);
      for (String setting : List.of("javadoc.failOnWarnings", "failOnWarnings")) {
        NodeList found = p.getElementsByTagName(setting);
        for (int i = 0; i < found.getLength(); i++) {
          assertThat(found.item(i).getTextContent().strip()).as("%s's <%s>", m, setting).isEqualTo("true");
        }
      }
      NodeList doclint = p.getElementsByTagName("doclint");
      for (int i = 0; i < doclint.getLength(); i++) {
        assertThat(doclint.item(i).getTextContent().strip()).as("%s's <doclint>", m).isEqualTo("all");
      }
      assertThat(p.getElementsByTagName("maven.javadoc.skip").getLength()).as("%s skips its Javadoc", m).isZero();
    }
  }

  private static String normalised(Element e) {
    return e == null ? null : e.getTextContent().replaceAll("\\s+", " ").strip();
  }

  @Test
  void license_isTheApacheLicense2_inEveryModulesJar() throws Exception {
    byte[] license = Files.readAllBytes(ROOT.resolve("LICENSE"));

    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(license))).isEqualTo(APACHE_2_SHA256);
    // the code source of one class of each published module: its jar in a packaged build, its classes otherwise
    for (Class<?> c : List.of(dev.subfilter.CompiledSubscription.class, dev.subfilter.jackson.SubfilterJson.class,
        dev.subfilter.cli.Main.class)) {
      URL location = c.getProtectionDomain().getCodeSource().getLocation();
      try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new URL[] {location}, null);
          InputStream in = loader.getResourceAsStream("META-INF/LICENSE")) {
        assertThat(in).as("META-INF/LICENSE in %s", location).isNotNull();
        assertThat(in.readAllBytes()).as("META-INF/LICENSE in %s", location).isEqualTo(license);
      }
    }
  }

  /** The README's Install section, from its heading to the next. */
  private static String installSection() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("(?ms)^## Install\\n(.*?)(?=^## )").matcher(readme);
    assertThat(m.find()).as("README has an Install section").isTrue();
    return m.group(1);
  }

  private static List<String> blocks(String section, String language) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?s)```" + language + "\\n(.*?)```").matcher(section);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void readmeInstall_mavenExamples_nameTheBomAndPublishedModulesAtTheProjectVersion() throws Exception {
    Set<String> published = published();
    List<String> xml = blocks(installSection(), "xml");
    int dependencies = 0;

    assertThat(xml).hasSizeGreaterThanOrEqualTo(2);
    for (String block : xml) {
      Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(new java.io.ByteArrayInputStream(("<root>" + block + "</root>").getBytes(StandardCharsets.UTF_8))).getDocumentElement();
      NodeList deps = root.getElementsByTagName("dependency");
      boolean importsBom = false;
      for (int i = 0; i < deps.getLength(); i++) {
        Element d = (Element) deps.item(i);
        dependencies++;
        assertThat(text(d, "groupId")).isEqualTo("dev.subfilter");
        String artifact = text(d, "artifactId");
        String v = text(d, "version");
        if (artifact.equals("subfilter-bom")) {
          importsBom = true;
          assertThat(text(d, "type")).isEqualTo("pom");
          assertThat(text(d, "scope")).isEqualTo("import");
          assertThat(v).isEqualTo(version());
        } else {
          assertThat(published).as("README artifact").contains(artifact);
          if (v == null) {
            assertThat(importsBom).as("a dependency without a version needs the BOM imported above it: %s", artifact).isTrue();
          } else {
            assertThat(v).isEqualTo(version());
          }
        }
      }
    }
    assertThat(dependencies).isGreaterThanOrEqualTo(3);
  }

  @Test
  void readmeInstall_gradleExamples_nameTheBomAndPublishedModulesAtTheProjectVersion() throws Exception {
    Set<String> published = published();
    String section = installSection();
    List<String> gradle = new ArrayList<>(blocks(section, "kotlin"));
    gradle.addAll(blocks(section, "groovy"));
    int coordinates = 0;

    assertThat(gradle).hasSizeGreaterThanOrEqualTo(2);
    for (String block : gradle) {
      boolean platform = false;
      Matcher m = Pattern.compile("(platform\\()?[\"']([^\"':]+):([^\"':]+)(?::([^\"']+))?[\"']").matcher(block);
      while (m.find()) {
        coordinates++;
        assertThat(m.group(2)).isEqualTo("dev.subfilter");
        if (m.group(1) != null) {
          platform = true;
          assertThat(m.group(3)).isEqualTo("subfilter-bom");
          assertThat(m.group(4)).isEqualTo(version());
        } else {
          assertThat(published).as("README artifact").contains(m.group(3));
          if (m.group(4) == null) {
            assertThat(platform).as("a dependency without a version needs the BOM platform above it").isTrue();
          } else {
            assertThat(m.group(4)).isEqualTo(version());
          }
        }
      }
    }
    assertThat(coordinates).isGreaterThanOrEqualTo(3);
    assertThat(section).contains("version `" + version() + "`");
  }

  /** Each published module with a module-info, by artifactId, read from the test class path. */
  private static Map<String, ModuleDescriptor> descriptors() throws Exception {
    Map<String, ModuleDescriptor> out = new LinkedHashMap<>();
    for (String artifact : published()) {
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        Path p = Path.of(entry);
        boolean classes = p.endsWith(Path.of(artifact, "target", "classes")) && Files.exists(p.resolve("module-info.class"));
        if (classes || p.getFileName().toString().equals(artifact + "-" + version() + ".jar")) {
          for (ModuleReference ref : ModuleFinder.of(p).findAll()) {
            if (!ref.descriptor().isAutomatic()) {
              out.put(artifact, ref.descriptor());
            }
          }
        }
      }
    }
    return out;
  }

  private static Set<String> quoted(String cell) {
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("`([\\w.]+)`").matcher(cell);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void readmeInstall_moduleTable_namesEachModuleItsExportsAndRequires() throws Exception {
    String section = installSection();
    Map<String, ModuleDescriptor> modules = descriptors();
    Matcher row = Pattern.compile("(?m)^\\| `([\\w-]+)` \\| `([\\w.]+)` \\| ([^|]+) \\| ([^|]+) \\|").matcher(section);
    Map<String, String> table = new LinkedHashMap<>();
    while (row.find()) {
      table.put(row.group(1), row.group(2));
      ModuleDescriptor d = modules.get(row.group(1));
      assertThat(d).as("a module-info in %s", row.group(1)).isNotNull();
      assertThat(d.name()).isEqualTo(row.group(2));
      assertThat(quoted(row.group(3))).as("%s exports", d.name())
          .isEqualTo(d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new)));
      Set<String> requires = quoted(row.group(4));
      requires.add("java.base"); // every module reads it
      assertThat(requires).as("%s requires", d.name())
          .isEqualTo(d.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toCollection(TreeSet::new)));
    }

    assertThat(modules.keySet()).contains("filter-core", "filter-jackson");
    assertThat(table.keySet()).as("the README's module table").containsExactlyInAnyOrderElementsOf(modules.keySet());
    Set<String> names = modules.values().stream().map(ModuleDescriptor::name).collect(Collectors.toSet());
    Matcher requires = Pattern.compile("requires (?:transitive )?([\\w.]+);").matcher(String.join("\n", blocks(section, "java")));
    int required = 0;
    while (requires.find()) {
      required++;
      assertThat(names).as("a module the README requires").contains(requires.group(1));
    }
    assertThat(required).isPositive();
  }
}
