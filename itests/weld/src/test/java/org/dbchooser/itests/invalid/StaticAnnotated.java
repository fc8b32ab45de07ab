package org.dbchooser.itests.invalid;

import jakarta.enterprise.context.ApplicationScoped;

import org.dbchooser.Master;

@ApplicationScoped
public class StaticAnnotated {

    @Master
    public static void write() {
    }
}
