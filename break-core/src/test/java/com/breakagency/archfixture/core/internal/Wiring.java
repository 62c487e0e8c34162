package com.breakagency.archfixture.core.internal;

/** A public class of a package the module would not export. */
public final class Wiring {
}
