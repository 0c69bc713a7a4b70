-- Alert areas along roads and inside polygons (issue 21), beside the
-- circle: the route as JSON [{"lat": …, "lng": …}, …] with how far either
-- side of it the alert reaches, and the polygon's ring in the same form.
ALTER TABLE cases ADD COLUMN alert_route TEXT;
ALTER TABLE cases ADD COLUMN alert_route_width_km DOUBLE PRECISION;
ALTER TABLE cases ADD COLUMN alert_polygon TEXT;

-- A planned widening may widen the circle, the corridor or both.
ALTER TABLE case_widenings ALTER COLUMN alert_radius_km DROP NOT NULL;
ALTER TABLE case_widenings ADD COLUMN alert_route_width_km DOUBLE PRECISION;
ALTER TABLE case_widenings ADD CONSTRAINT case_widenings_widen_something
    CHECK (alert_radius_km IS NOT NULL OR alert_route_width_km IS NOT NULL);
