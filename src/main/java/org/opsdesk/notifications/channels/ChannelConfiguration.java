package org.opsdesk.notifications.channels;

import org.opsdesk.access.OperatorDirectory;
import org.opsdesk.clients.Clients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;

/** The senders for each channel, from {@code spring.mail.*} and {@code opsdesk.notifications.*} properties. */
@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

    @Bean
    EmailSender emailSender(
            ObjectProvider<JavaMailSender> mail, @Value("${opsdesk.notifications.email.from}") String from) {
        return new EmailSender(mail.getIfAvailable(), from);
    }

    @Bean
    SmsGateway smsGateway(Environment environment) {
        return new HttpSmsGateway(settings(environment, "sms", "{\"to\":\"{to}\",\"text\":\"{text}\"}"));
    }

    @Bean
    PushGateway pushGateway(Environment environment) {
        return new HttpPushGateway(
                settings(environment, "push", "{\"token\":\"{to}\",\"title\":\"{title}\",\"body\":\"{text}\"}"));
    }

    @Bean
    ClientMessaging clientMessaging(Clients clients, EmailSender email, SmsGateway sms, PushGateway push) {
        return new ClientMessaging(clients, email, sms, push);
    }

    @Bean
    OperatorMessaging operatorMessaging(OperatorDirectory operators, EmailSender email) {
        return new OperatorMessaging(operators, email);
    }

    private static HttpGatewaySettings settings(Environment environment, String channel, String defaultBody) {
        String prefix = "opsdesk.notifications." + channel + ".";
        return new HttpGatewaySettings(
                environment.getProperty(prefix + "url", ""),
                environment.getProperty(prefix + "auth-header", "Authorization"),
                environment.getProperty(prefix + "auth-value", ""),
                environment.getProperty(prefix + "body-template", defaultBody),
                HttpGatewaySettings.CONNECT_TIMEOUT,
                HttpGatewaySettings.TOTAL_TIMEOUT);
    }
}
