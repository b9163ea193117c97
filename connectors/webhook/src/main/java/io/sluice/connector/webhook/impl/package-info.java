/**
 * The two HTTP source types and the journal mechanism they share ({@code JournaledHttpSource}); not
 * an API.
 */
package io.sluice.connector.webhook.impl;
