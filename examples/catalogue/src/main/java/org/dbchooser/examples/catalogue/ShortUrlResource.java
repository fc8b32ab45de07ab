package org.dbchooser.examples.catalogue;

import java.security.SecureRandom;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.dbchooser.examples.catalogue.Views.ShortUrlView;

/**
 * GeoMapFish's URL shortener: {@code GET /api/short/create?url=...} writes, although it
 * is a GET. No annotation here: the {@code db_chooser.master} pattern
 * {@code GET /api/short/create} keeps it on the master. Without that pattern it would
 * fail with DBCHOOSER-301 and write nothing.
 */
@Path("short")
@Produces(MediaType.APPLICATION_JSON)
public class ShortUrlResource {

    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @GET
    @Path("create")
    @Transactional
    public ShortUrlView create(@QueryParam("url") String url) {
        if (url == null || url.isBlank()) {
            throw new BadRequestException("give the url to shorten: /api/short/create?url=...");
        }
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        em.persist(new ShortUrl(code.toString(), url));
        return new ShortUrlView(code.toString(), url);
    }

    @GET
    @Path("{code}")
    public ShortUrlView resolve(@PathParam("code") String code) {
        return em.createQuery("select s from ShortUrl s where s.code = :code", ShortUrl.class)
                .setParameter("code", code).getResultStream().findFirst()
                .map(s -> new ShortUrlView(s.code, s.url))
                .orElseThrow(NotFoundException::new);
    }
}
