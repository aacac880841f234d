package org.opsdesk.notifications.channels;

import org.opsdesk.clients.Clients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
    ClientMessaging clientMessaging(Clients clients, EmailSender email) {
        return new ClientMessaging(clients, email);
    }
}
