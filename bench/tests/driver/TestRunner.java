package driver;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Runs the {@link Test} methods of the classes named on its command line, each on a fresh
 * instance, and ends with the line "N passed, N failed"; exits 1 when one failed.
 */
public final class TestRunner {
    public static void main(String[] args) throws Exception {
        int passed = 0;
        int failed = 0;
        for (String name : args) {
            Class<?> type = Class.forName(name);
            Method[] methods = type.getDeclaredMethods();
            Arrays.sort(methods, Comparator.comparing(Method::getName));
            for (Method method : methods) {
                if (!method.isAnnotationPresent(Test.class) || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                String test = type.getSimpleName() + "." + method.getName();
                try {
                    method.setAccessible(true);
                    var constructor = type.getDeclaredConstructor();
                    constructor.setAccessible(true);
                    method.invoke(constructor.newInstance());
                    passed++;
                    System.out.println("ok     " + test);
                } catch (InvocationTargetException e) {
                    failed++;
                    System.out.println("FAILED " + test + ": " + e.getCause());
                    e.getCause().printStackTrace(System.out);
                }
            }
        }
        System.out.println(passed + " passed, " + failed + " failed");
        System.exit(failed == 0 && passed > 0 ? 0 : 1);
    }
}
