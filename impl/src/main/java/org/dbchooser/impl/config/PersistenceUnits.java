package org.dbchooser.impl.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.naming.NoInitialContextException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.dbchooser.impl.ConfigKeys;
import org.dbchooser.impl.Messages;

/**
 * The persistence units the application declares in its {@code META-INF/persistence.xml}
 * files, each with whether it is a JTA unit (which only an application server can
 * provide) or a resource-local one, decided as the container will decide it.
 */
public final class PersistenceUnits {

    private PersistenceUnits() {
    }

    /**
     * Unit name to "is JTA", in declaration order.
     *
     * @param onServer whether the application runs on an application server, where a unit
     *                 that names no transaction type is a JTA unit
     */
    public static Map<String, Boolean> declared(ClassLoader loader, boolean onServer) {
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
                        units.put(unit.getAttribute("name"), isJta(unit, onServer));
                    }
                }
            }
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(Messages.unreadablePersistenceXml(String.valueOf(e.getMessage())), e);
        }
        return units;
    }

    /**
     * JTA when it says so. A unit that says nothing is JTA on an application server
     * (the Jakarta EE default, whatever data source it names or none), and elsewhere
     * JTA only when it names a JTA data source.
     */
    static boolean isJta(Element unit, boolean onServer) {
        String type = unit.getAttribute("transaction-type");
        if (!type.isEmpty()) {
            return type.equals("JTA");
        }
        return onServer || unit.getElementsByTagNameNS("*", "jta-data-source").getLength() > 0;
    }

    /**
     * Whether the application runs on an application server: one that has a naming
     * service. Outside one (plain CDI, Weld SE) there is no initial context to ask.
     */
    public static boolean onApplicationServer() {
        try {
            new InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
            return true;
        } catch (NoInitialContextException none) {
            return false;
        } catch (NamingException answered) {
            return true; // a naming service that does not bind this name where we ask is still a server's
        }
    }

    /**
     * Adds to {@code problems} what is wrong with the units the configuration names: each
     * must be declared, and no standby's unit may have connections that join a JTA
     * transaction (slave reads would then share the master's).
     *
     * @param units             unit name to whether its connections join JTA transactions
     * @param declaredIn        where the application declares its units, for the message
     * @param joinsTransactions the problem with a standby's unit that joins them
     */
    public static void check(DbChooserConfig config, Map<String, Boolean> units, String declaredIn,
            Function<String, String> joinsTransactions, List<String> problems) {
        List<String> declared = List.copyOf(units.keySet());
        if (config.masterUnit() != null && !units.containsKey(config.masterUnit())) {
            problems.add(Messages.unknownUnit(ConfigKeys.MASTER_UNIT, config.masterUnit(), declaredIn, declared));
        }
        for (String standby : config.slaveUnits()) {
            if (!units.containsKey(standby)) {
                problems.add(Messages.unknownUnit(ConfigKeys.SLAVE_UNIT, standby, declaredIn, declared));
            } else if (units.get(standby)) {
                problems.add(joinsTransactions.apply(standby));
            }
        }
    }
}
