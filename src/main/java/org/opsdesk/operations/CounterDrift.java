package org.opsdesk.operations;

import org.opsdesk.workflow.Status;

/** A (type, status) whose maintained counter differed from the rows when recounted, and what each said. */
public record CounterDrift(String type, Status status, long counted, long actual) {}
