package org.dbchooser.examples.catalogue;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.dbchooser.Master;
import org.dbchooser.ReadOnly;
import org.dbchooser.examples.catalogue.Views.LayerView;
import org.dbchooser.examples.catalogue.Views.PoiView;

/**
 * The catalogue's data. The class reads from the slave (@ReadOnly); the methods that
 * write say @Master, whatever request calls them, and open their JTA transaction on
 * the master (dbchooser's interceptor runs before @Transactional's).
 */
@ReadOnly
@ApplicationScoped
public class Catalogue {

    @Inject
    EntityManager em;

    public List<LayerView> layers() {
        return em.createQuery("select l from Layer l order by l.id", Layer.class).getResultStream()
                .map(Catalogue::view).toList();
    }

    public Optional<LayerView> layer(long id) {
        return Optional.ofNullable(em.find(Layer.class, id)).map(Catalogue::view);
    }

    public List<PoiView> pois(long layerId) {
        return em.createQuery("select p from Poi p where p.layer.id = :layer order by p.id", Poi.class)
                .setParameter("layer", layerId).getResultStream().map(Catalogue::view).toList();
    }

    @Master
    @Transactional
    public LayerView createLayer(LayerView input) {
        Layer layer = new Layer(input.name(), input.title());
        em.persist(layer);
        em.flush();
        return view(layer);
    }

    @Master
    @Transactional
    public Optional<LayerView> updateLayer(long id, LayerView input) {
        Layer layer = em.find(Layer.class, id);
        if (layer == null) {
            return Optional.empty();
        }
        layer.name = input.name();
        layer.title = input.title();
        return Optional.of(view(layer));
    }

    @Master
    @Transactional
    public boolean deleteLayer(long id) {
        Layer layer = em.find(Layer.class, id);
        if (layer == null) {
            return false;
        }
        em.createQuery("delete from Poi p where p.layer = :layer").setParameter("layer", layer).executeUpdate();
        em.remove(layer);
        return true;
    }

    @Master
    @Transactional
    public Optional<PoiView> addPoi(long layerId, PoiView input) {
        Layer layer = em.find(Layer.class, layerId);
        if (layer == null) {
            return Optional.empty();
        }
        Poi poi = new Poi(layer, input.name(), input.lon(), input.lat());
        em.persist(poi);
        em.flush();
        return Optional.of(view(poi));
    }

    private static LayerView view(Layer layer) {
        return new LayerView(layer.id, layer.name, layer.title);
    }

    private static PoiView view(Poi poi) {
        return new PoiView(poi.id, poi.layer.id, poi.name, poi.lon, poi.lat);
    }
}
