package org.dbchooser.itests.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.dbchooser.Master;
import org.dbchooser.ReadOnly;

@ApplicationScoped
@ReadOnly
public class ReadOnlyBean {

    @Inject
    ServedBy servedBy;

    public String server() {
        return servedBy.server();
    }

    public String count(String name) {
        return servedBy.count(name);
    }

    @Master
    public String masterServer() {
        return servedBy.server();
    }

    /** Jakarta Persistence 3.2's {@code getSingleResultOrNull}, in @ReadOnly code. */
    public String serverOrNull() {
        return servedBy.serverOrNull();
    }

    /** Jakarta Persistence 3.2's {@code find} with options, a write lock among them, in @ReadOnly code. */
    public String findLocked(long id) {
        return servedBy.findLocked(id);
    }

    @Master
    public String masterServerOrNull() {
        return servedBy.serverOrNull();
    }
}
