/**
 * Writing migration classes as Java source: deterministic, readable in a pull request, every identifier,
 * comment and literal escaped.
 */
package dev.retort.render;
