package dev.pulse.support.database;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * For a service with a database: the {@code db} health component, as {@link DatabaseHealthIndicator}
 * checks it. Named as Spring Boot's own, which then stands back.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName = "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration")
@ConditionalOnBean(DataSource.class)
public class DatabaseHealthAutoConfiguration {

    @Bean(name = "dbHealthIndicator")
    DatabaseHealthIndicator dbHealthIndicator(DataSource dataSource, @Value("${spring.datasource.url:#{null}}") String url) {
        return new DatabaseHealthIndicator(dataSource, url, Duration.ofSeconds(3));
    }
}
