package org.dbchooser.quarkus.deployment;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Singleton;

import org.dbchooser.Master;
import org.dbchooser.ReadOnly;
import org.dbchooser.impl.config.DeploymentState;
import org.dbchooser.quarkus.DbChooserRecorder;
import org.dbchooser.quarkus.StartWithQuarkus;
import org.dbchooser.quarkus.QuarkusUnits;
import org.dbchooser.quarkus.RequestFrameInterceptor;
import org.dbchooser.quarkus.RoutedRequest;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationTransformation;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Type;

import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.AnnotationsTransformerBuildItem;
import io.quarkus.arc.deployment.ObserverTransformerBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.processor.ObserverTransformer;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ExcludeDependencyBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.hibernate.orm.deployment.PersistenceUnitDescriptorBuildItem;

/**
 * What dbchooser does in a Quarkus application's build, where ArC runs no portable
 * extension: registers the beans the CDI extension registers elsewhere (with Quarkus's
 * units in place of a server's), frames every REST resource method with the request's
 * route, finds the beans whose annotations name a route, and records the check the
 * application runs when it starts.
 */
class DbChooserProcessor {

    private static final String FEATURE = "dbchooser";
    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName INTERCEPTOR = DotName.createSimple("jakarta.interceptor.Interceptor");
    private static final String IMPL = "org.dbchooser.impl.";
    private static final DotName INITIALIZED = DotName.createSimple("jakarta.enterprise.context.Initialized");

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** Our annotations, which live in jars Quarkus does not index by itself. */
    @BuildStep
    AdditionalIndexedClassesBuildItem annotations() {
        return new AdditionalIndexedClassesBuildItem(ReadOnly.class.getName(), Master.class.getName(),
                RoutedRequest.class.getName());
    }

    @BuildStep
    AdditionalBeanBuildItem beans(Capabilities capabilities) {
        AdditionalBeanBuildItem.Builder beans = AdditionalBeanBuildItem.builder().setUnremovable()
                .addBeanClasses(IMPL + "cdi.ReadOnlyInterceptor", IMPL + "cdi.MasterInterceptor", IMPL + "cdi.RouteFrames",
                        IMPL + "cdi.RoutingBean", IMPL + "cdi.MaintenanceBean", IMPL + "jpa.RoutedEntityManagerProducer",
                        IMPL + "jpa.RequestEntityManagers", IMPL + "replicas.ReplicaMonitor", IMPL + "http.ReadYourWrites")
                .addBeanClasses(QuarkusUnits.class, RequestFrameInterceptor.class, StartWithQuarkus.class);
        if (capabilities.isPresent(Capability.SMALLRYE_HEALTH)) {
            beans.addBeanClass(IMPL + "observability.ReplicaReadiness");
        }
        if (capabilities.isPresent(Capability.OPENTELEMETRY_METRICS)) {
            beans.addBeanClass(IMPL + "observability.RouteMetrics");
        }
        return beans.build();
    }

    /**
     * dbchooser's jar is a bean archive for application servers, whose beans.xml Quarkus
     * would read as another discovery mode: here it is no archive at all, and
     * {@link #beans} registers exactly the beans a Quarkus application needs.
     */
    @BuildStep
    ExcludeDependencyBuildItem implIsNoBeanArchive() {
        return new ExcludeDependencyBuildItem("org.dbchooser", "dbchooser-impl");
    }

    /**
     * ArC initializes the application context during static init, before the data sources
     * and the configuration of run time: the observers of that moment in dbchooser's beans
     * (the monitor's start, the metrics' registration) are taken out, and
     * {@link StartWithQuarkus} does their work on Quarkus's start event instead.
     */
    @BuildStep
    ObserverTransformerBuildItem monitorStartsWithQuarkus() {
        return new ObserverTransformerBuildItem(new ObserverTransformer() {
            @Override
            public boolean appliesTo(Type observedType, Set<AnnotationInstance> qualifiers) {
                return qualifiers.stream().anyMatch(q -> q.name().equals(INITIALIZED));
            }

            @Override
            public void transform(TransformationContext context) {
                if (context.getMethod().declaringClass().name().toString().startsWith(IMPL)) {
                    context.veto();
                }
            }
        });
    }

    /** Every REST resource class gets the request's frame. */
    @BuildStep
    AnnotationsTransformerBuildItem frameResources() {
        return new AnnotationsTransformerBuildItem(AnnotationTransformation.forClasses()
                .whenAnyMatch(PATH)
                .transform(context -> context.add(RoutedRequest.class)));
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    SyntheticBeanBuildItem deploymentState(DbChooserRecorder recorder, CombinedIndexBuildItem index,
            List<PersistenceUnitDescriptorBuildItem> units) {
        Map<String, String> unitDataSources = new LinkedHashMap<>();
        for (PersistenceUnitDescriptorBuildItem unit : units) {
            unitDataSources.put(unit.getPersistenceUnitName(), unit.getConfig().getDataSource().orElse("<default>"));
        }
        return SyntheticBeanBuildItem.configure(DeploymentState.class)
                .scope(Singleton.class)
                .unremovable()
                .supplier(recorder.deploymentState(List.copyOf(routedBeanClasses(index.getIndex())), unitDataSources))
                .setRuntimeInit()
                .done();
    }

    /**
     * The classes whose annotations name a route, directly or through stereotypes and
     * interceptor bindings that carry ours, with their subclasses; interceptors and
     * annotation types are not beans that run routed work.
     */
    static Set<String> routedBeanClasses(IndexView index) {
        Set<DotName> routeAnnotations = new HashSet<>();
        Deque<DotName> pending = new ArrayDeque<>(List.of(DotName.createSimple(ReadOnly.class), DotName.createSimple(Master.class)));
        Set<String> classes = new TreeSet<>();
        while (!pending.isEmpty()) {
            DotName annotation = pending.pop();
            if (!routeAnnotations.add(annotation)) {
                continue;
            }
            for (AnnotationInstance use : index.getAnnotations(annotation)) {
                ClassInfo type = declaringClass(use.target());
                if (type == null) {
                    continue;
                }
                if (type.isAnnotation()) {
                    pending.push(type.name()); // a stereotype or a binding that carries ours
                } else if (!type.hasDeclaredAnnotation(INTERCEPTOR)) {
                    classes.add(type.name().toString());
                    index.getAllKnownSubclasses(type.name()).forEach(subclass -> classes.add(subclass.name().toString()));
                }
            }
        }
        return classes;
    }

    private static ClassInfo declaringClass(AnnotationTarget target) {
        return switch (target.kind()) {
            case CLASS -> target.asClass();
            case METHOD -> target.asMethod().declaringClass();
            default -> null;
        };
    }
}
