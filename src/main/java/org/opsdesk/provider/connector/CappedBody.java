package org.opsdesk.provider.connector;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Reads an answer's body up to a cap: a larger one is cut off (the exchange cancelled) and read as null, which the
 * client treats as an unexpected answer — a provider cannot make Opsdesk hold an unbounded body in memory.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte @Nullable []> {

    private final int cap;
    private final ByteArrayOutputStream read = new ByteArrayOutputStream();
    private final CompletableFuture<byte @Nullable []> result = new CompletableFuture<>();
    private Flow.@Nullable Subscription subscription;

    private CappedBody(int cap) {
        this.cap = cap;
    }

    static HttpResponse.BodySubscriber<byte @Nullable []> subscriber(int cap) {
        return new CappedBody(cap);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            if (read.size() + buffer.remaining() > cap) {
                result.complete(null);
                if (subscription != null) {
                    subscription.cancel();
                }
                return;
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            read.writeBytes(bytes);
        }
        if (subscription != null) {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(read.toByteArray());
    }

    @Override
    public CompletionStage<byte @Nullable []> getBody() {
        return result;
    }
}
