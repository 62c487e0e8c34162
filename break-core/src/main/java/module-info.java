/**
 * Break's behaviour behind one entry: {@link com.breakagency.core.BreakAgency} and its builder, in the one
 * exported package {@code com.breakagency.core}, with the few types the builder names. The use cases, the
 * boundary, the policy table and the helpers live in packages this module does not export.
 *
 * <p>Hibernate Validator reads the constraints of the module's own query records (an id looked up, a page
 * size), so the packages that declare them are open to it, and to it alone.
 */
module com.breakagency.core {
    requires transitive com.breakagency.ports;
    requires org.hibernate.validator;
    requires org.slf4j;

    exports com.breakagency.core;

    opens com.breakagency.core.crm to org.hibernate.validator;
    opens com.breakagency.core.finance to org.hibernate.validator;
    opens com.breakagency.core.integration to org.hibernate.validator;
    opens com.breakagency.core.recovery to org.hibernate.validator;
}
