package org.dbchooser.examples.catalogue;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.dbchooser.examples.catalogue.Views.LayerView;

/**
 * The example catalogue's data class for its layers, routed by hand: what an
 * application writes without dbchooser. Each method names the persistence context it
 * uses, the standby's for reads, the master's for writes; it replaces the example's
 * class of the same name, so that the example's {@code LayersResource} serves the
 * same requests through it. Only the layers are served (the resource's other
 * requests, points of interest, answer 500 here: the benchmark does not send them).
 */
@ApplicationScoped
public class Catalogue {

    @PersistenceContext(unitName = "slave")
    EntityManager slave;

    @PersistenceContext(unitName = "master")
    EntityManager master;

    public List<LayerView> layers() {
        return slave.createQuery("select l from Layer l order by l.id", Layer.class).getResultStream()
                .map(Catalogue::view).toList();
    }

    public Optional<LayerView> layer(long id) {
        return Optional.ofNullable(slave.find(Layer.class, id)).map(Catalogue::view);
    }

    @Transactional
    public LayerView createLayer(LayerView input) {
        Layer layer = new Layer(input.name(), input.title());
        master.persist(layer);
        master.flush();
        return view(layer);
    }

    @Transactional
    public Optional<LayerView> updateLayer(long id, LayerView input) {
        Layer layer = master.find(Layer.class, id);
        if (layer == null) {
            return Optional.empty();
        }
        layer.name = input.name();
        layer.title = input.title();
        return Optional.of(view(layer));
    }

    @Transactional
    public boolean deleteLayer(long id) {
        throw new UnsupportedOperationException("not served by the benchmark's hand-routed catalogue");
    }

    public List<Views.PoiView> pois(long layerId) {
        throw new UnsupportedOperationException("not served by the benchmark's hand-routed catalogue");
    }

    public Optional<Views.PoiView> addPoi(long layerId, Views.PoiView input) {
        throw new UnsupportedOperationException("not served by the benchmark's hand-routed catalogue");
    }

    private static LayerView view(Layer layer) {
        return new LayerView(layer.id, layer.name, layer.title);
    }
}
