package org.opsdesk.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API bodies over the limit with 413 before anything parses them: at once when Content-Length says
 * so, or as soon as a chunked body grows past it.
 */
final class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long normalLimit;
    private final UploadPaths uploads;
    private final ProblemWriter problems;

    BodySizeLimitFilter(long limit, UploadPaths uploads, ProblemWriter problems) {
        this.normalLimit = limit;
        this.uploads = uploads;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = uploads.limitFor(request, normalLimit);
        if (request.getContentLengthLong() > limit) {
            problems.write(
                    response,
                    Problems.of(
                            413,
                            "body-too-large",
                            "Request body too large",
                            "the request body has " + request.getContentLengthLong() + " bytes; the limit is " + limit,
                            List.of()));
            return;
        }
        // a declared length is enforced by the container, which never reads past it: only a chunked body, of
        // unknown length, needs counting (and the wrapper, which every later request call goes through)
        chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, limit) : request, response);
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws BodyTooLarge {
                    read += n;
                    if (read > limit) {
                        throw new BodyTooLarge(limit);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
