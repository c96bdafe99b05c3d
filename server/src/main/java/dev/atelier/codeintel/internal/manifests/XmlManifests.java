package dev.atelier.codeintel.internal.manifests;

import dev.atelier.codeintel.ProjectDependencies.Declared;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * pom.xml and *.csproj, read with the JDK's DOM parser with DTDs and external entities refused: a
 * manifest is untrusted input and must not make the server read files or the network (XXE).
 */
final class XmlManifests {

  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  private XmlManifests() {}

  static List<Declared> maven(String path, String text) {
    Element project = parse(text).getDocumentElement();
    Map<String, String> properties = new HashMap<>();
    Element props = child(project, "properties");
    if (props != null) {
      for (Element p : children(props)) {
        properties.put(p.getTagName(), p.getTextContent().strip());
      }
    }
    String projectVersion = childText(project, "version");
    if (projectVersion != null) {
      properties.put("project.version", projectVersion);
    }
    List<Declared> out = new ArrayList<>();
    Element dependencies = child(project, "dependencies");
    if (dependencies != null) {
      addMaven(path, text, dependencies, properties, null, out);
    }
    Element management = child(project, "dependencyManagement");
    Element managed = management == null ? null : child(management, "dependencies");
    if (managed != null) {
      addMaven(path, text, managed, properties, "managed", out);
    }
    return out;
  }

  private static void addMaven(
      String path,
      String text,
      Element dependencies,
      Map<String, String> properties,
      @Nullable String forcedScope,
      List<Declared> out) {
    for (Element dependency : children(dependencies)) {
      if (!dependency.getTagName().equals("dependency")) {
        continue;
      }
      String group = childText(dependency, "groupId");
      String artifact = childText(dependency, "artifactId");
      if (group == null || artifact == null) {
        continue;
      }
      String version = childText(dependency, "version");
      String scope = childText(dependency, "scope");
      String mapped =
          forcedScope != null
              ? forcedScope
              : scope == null || scope.equals("compile") || scope.equals("runtime")
                  ? "runtime"
                  : scope;
      out.add(
          new Declared(
              "maven",
              group + ":" + artifact,
              version == null ? null : resolve(version, properties),
              mapped,
              path,
              ManifestParsers.lineOf(text, "<artifactId>" + artifact + "</artifactId>", 1)));
    }
  }

  static List<Declared> nuget(String path, String text) {
    Document document = parse(text);
    NodeList references = document.getElementsByTagName("PackageReference");
    List<Declared> out = new ArrayList<>();
    for (int i = 0; i < references.getLength(); i++) {
      Element reference = (Element) references.item(i);
      String name = reference.getAttribute("Include");
      if (name.isEmpty()) {
        continue;
      }
      String version = reference.getAttribute("Version");
      if (version.isEmpty()) {
        String child = childText(reference, "Version");
        version = child == null ? "" : child;
      }
      String privateAssets = reference.getAttribute("PrivateAssets");
      out.add(
          new Declared(
              "nuget",
              name,
              version.isEmpty() ? null : version,
              privateAssets.equalsIgnoreCase("all") ? "dev" : "runtime",
              path,
              ManifestParsers.lineOf(text, "\"" + name + "\"", 1)));
    }
    return out;
  }

  private static String resolve(String value, Map<String, String> properties) {
    Matcher m = PROPERTY.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = properties.getOrDefault(m.group(1), m.group());
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Document parse(String text) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
      return builder.parse(new InputSource(new StringReader(text)));
    } catch (SAXException e) {
      throw new IllegalArgumentException("not well-formed XML (or has a DTD): " + e.getMessage());
    } catch (ParserConfigurationException | IOException e) {
      throw new IllegalArgumentException("cannot read XML: " + e.getMessage());
    }
  }

  private static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  private static @Nullable Element child(Element parent, String tag) {
    for (Element e : children(parent)) {
      if (e.getTagName().equals(tag)) {
        return e;
      }
    }
    return null;
  }

  private static @Nullable String childText(Element parent, String tag) {
    Element e = child(parent, tag);
    if (e == null) {
      return null;
    }
    String text = e.getTextContent().strip();
    return text.isEmpty() ? null : text;
  }
}
