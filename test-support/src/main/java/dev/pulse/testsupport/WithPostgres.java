package dev.pulse.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Points the test (and any Spring context it starts) at the per-JVM embedded PostgreSQL, migrated,
 * through {@code spring.datasource.*}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(InfrastructureExtension.Postgres.class)
public @interface WithPostgres {
}
