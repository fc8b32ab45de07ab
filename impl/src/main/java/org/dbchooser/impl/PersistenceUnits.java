package org.dbchooser.impl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The persistence units the application declares in its {@code META-INF/persistence.xml}
 * files, each with whether it is a JTA unit (which only an application server can
 * provide) or a resource-local one.
 */
final class PersistenceUnits {

    private PersistenceUnits() {
    }

    /** Unit name to "is JTA", in declaration order. */
    static Map<String, Boolean> declared(ClassLoader loader) {
        Map<String, Boolean> units = new LinkedHashMap<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            for (URL url : Collections.list(loader.getResources("META-INF/persistence.xml"))) {
                try (InputStream in = url.openStream()) {
                    var elements = builder.parse(in).getElementsByTagNameNS("*", "persistence-unit");
                    for (int i = 0; i < elements.getLength(); i++) {
                        Element unit = (Element) elements.item(i);
                        units.put(unit.getAttribute("name"), isJta(unit));
                    }
                }
            }
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("dbchooser: cannot read META-INF/persistence.xml: " + e.getMessage(), e);
        }
        return units;
    }

    /** JTA when it says so, or when it says nothing and names a JTA data source (the Jakarta EE default). */
    private static boolean isJta(Element unit) {
        String type = unit.getAttribute("transaction-type");
        if (!type.isEmpty()) {
            return type.equals("JTA");
        }
        return unit.getElementsByTagNameNS("*", "jta-data-source").getLength() > 0;
    }
}
