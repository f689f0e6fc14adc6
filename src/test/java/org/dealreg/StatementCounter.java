package org.dealreg;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements the application sends to PostgreSQL, whichever thread sends them (a page served to a
 * {@link PortalClient} runs on the server's threads): the tests' data source hands out connections whose statements
 * report each execution. Between {@link #start()} and {@link Recording#stop()} every statement is recorded; the
 * tests run one class at a time and the scheduled jobs are off, so a recording holds one request's statements.
 */
@Component
public class StatementCounter implements BeanPostProcessor {

    private static volatile List<Executed> recording;

    /** Starts recording the statements sent from now on. */
    public static Recording start() {
        recording = Collections.synchronizedList(new ArrayList<>());
        return new Recording(recording);
    }

    /**
     * Opens a page as {@code browser} and answers it with the statements the server sent for it on its request
     * threads, session included (work in the background, such as the mail outbox woken by an earlier commit, sends
     * its own on other threads meanwhile and is left out).
     */
    public static Page get(PortalClient browser, String path) {
        Recording recording = start();
        HttpResponse<String> response = browser.get(path);
        List<String> statements = recording.stop().stream().filter(e -> e.thread().startsWith("http-"))
                .map(Executed::sql).toList();
        return new Page(response.statusCode(), response.body(), statements);
    }

    /** A page as the browser got it, and the statements it cost. */
    public record Page(int status, String body, List<String> statements) {
    }

    /** A statement sent, and the thread that sent it. */
    public record Executed(String thread, String sql) {
    }

    public record Recording(List<Executed> statements) {

        /** Stops recording; answers the statements sent since {@link #start()}, in order. */
        public List<Executed> stop() {
            recording = null;
            synchronized (statements) {
                return List.copyOf(statements);
            }
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof DataSource dataSource) {
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = invoke(target, method, args);
                return result instanceof Connection connection ? connection(connection) : result;
            });
        }
        return bean;
    }

    private static Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof Statement statement && Statement.class.isAssignableFrom(method.getReturnType())) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                return statement(method.getReturnType(), statement, sql);
            }
            return result;
        });
    }

    @SuppressWarnings("unchecked")
    private static Object statement(Class<?> type, Statement statement, String prepared) {
        Class<? extends Statement> kind = type == CallableStatement.class ? CallableStatement.class
                : type == PreparedStatement.class ? PreparedStatement.class : Statement.class;
        return proxy((Class<Statement>) kind, statement, (target, method, args) -> {
            if (method.getName().startsWith("execute")) {
                List<Executed> now = recording;
                if (now != null) {
                    String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : prepared;
                    now.add(new Executed(Thread.currentThread().getName(), sql));
                }
            }
            return invoke(target, method, args);
        });
    }

    private interface Handler<T> {
        Object handle(T target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type},
                invocation));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
