package org.dbchooser.impl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The persistence unit names the application declares in its {@code META-INF/persistence.xml} files. */
final class PersistenceUnits {

    private PersistenceUnits() {
    }

    static List<String> declared(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            for (URL url : Collections.list(loader.getResources("META-INF/persistence.xml"))) {
                try (InputStream in = url.openStream()) {
                    NodeList units = builder.parse(in).getElementsByTagNameNS("*", "persistence-unit");
                    for (int i = 0; i < units.getLength(); i++) {
                        names.add(((Element) units.item(i)).getAttribute("name"));
                    }
                }
            }
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("dbchooser: cannot read META-INF/persistence.xml: " + e.getMessage(), e);
        }
        return names;
    }
}
