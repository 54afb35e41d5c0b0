package org.marketingworkbench.core.deploy;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stands in for a gadget chain: a serialisable class outside the allow-list whose {@code readObject} has a side
 * effect. A real attack would run a command here; this one only raises a flag the test can see.
 */
final class HostileObject implements Serializable {

    private static final long serialVersionUID = 1L;
    static final AtomicBoolean RAN = new AtomicBoolean();

    String payload = "touch /tmp/pwned";

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        RAN.set(true);
    }
}
