package org.opsdesk.demo;

import java.time.Clock;
import org.opsdesk.shared.DemoMode;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In demo mode, hands every bean the application's clock wrapped in a {@link DemoClock}, so that the demo seeding
 * can replay past activity through the ordinary commands. Outside demo mode it changes nothing: production and the
 * tests keep their own clock, and no code path can date a change other than by it.
 */
@Component
class DemoClockInstaller implements BeanPostProcessor, EnvironmentAware {

    private boolean demo;

    @Override
    public void setEnvironment(Environment environment) {
        demo = DemoMode.isOn(environment);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (demo && bean instanceof Clock clock && !(bean instanceof DemoClock)) {
            return new DemoClock(clock);
        }
        return bean;
    }
}
