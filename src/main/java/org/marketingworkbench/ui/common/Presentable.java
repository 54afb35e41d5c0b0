package org.marketingworkbench.ui.common;

import java.util.List;

/** A screen with charts worth showing on a projector: the ones that have something to show right now, in order. */
public interface Presentable {
    List<Slide> slides();
}
