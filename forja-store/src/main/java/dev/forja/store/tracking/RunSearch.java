package dev.forja.store.tracking;

import java.util.List;

/**
 * A run search in MLflow's terms: experiments, a filter such as {@code metrics.auc > 0.8 and
 * params.model = 'xgboost'}, which lifecycle stages, page size, order ({@code metrics.auc DESC}) and the
 * token of the page to fetch.
 */
public record RunSearch(List<String> experimentIds, String filter, ViewType view, int maxResults, List<String> orderBy,
                        String pageToken) {
    public static final int DEFAULT_MAX_RESULTS = 1000;
    public static final int MAX_RESULTS_LIMIT = 50_000;

    public RunSearch {
        experimentIds = List.copyOf(experimentIds);
        orderBy = List.copyOf(orderBy);
        view = view == null ? ViewType.ACTIVE_ONLY : view;
        maxResults = maxResults <= 0 ? DEFAULT_MAX_RESULTS : maxResults;
    }

    public static RunSearch in(List<String> experimentIds, String filter, List<String> orderBy) {
        return new RunSearch(experimentIds, filter, ViewType.ACTIVE_ONLY, DEFAULT_MAX_RESULTS, orderBy, null);
    }
}
