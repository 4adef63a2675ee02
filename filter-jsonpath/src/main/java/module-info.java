/**
 * subfilter for any vendor: adapters declared by JSONPath mappings ({@link
 * dev.subfilter.jsonpath.JsonPathAdapter}), shipped for GitHub, GitLab, Jira, Stripe and Standard
 * Webhooks.
 */
module dev.subfilter.jsonpath {
  requires transitive dev.subfilter.jackson;
  requires json.path;

  exports dev.subfilter.jsonpath;
}
