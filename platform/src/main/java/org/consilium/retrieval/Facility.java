package org.consilium.retrieval;

import java.time.LocalDate;

/**
 * A place that holds some of the patient's records, and when the patient was cared for
 * there.
 *
 * @param careTo null while care continues
 */
public record Facility(String name, String address, String phone, LocalDate careFrom, LocalDate careTo) {

}
